import { describe, expect, it } from 'vitest';
import { sqlText } from './sqlText.ts';

describe('sqlText', () => {
  it('doubles quotes, so no value can end its literal early', () => {
    expect(sqlText("o'brien")).toBe("'o''brien'");
    expect(sqlText("x'); drop table public.tips; --")).toBe("'x''); drop table public.tips; --'");
    expect(sqlText('back\\slash')).toBe("'back\\slash'");
  });

  it('refuses a NUL character, which Postgres text cannot hold', () => {
    expect(() => sqlText('a\u0000b')).toThrow(/NUL/);
  });
});
