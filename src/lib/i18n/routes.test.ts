import { describe, expect, it } from 'vitest';
import { localized, unlocalized } from './routes.ts';

const locales = ['en', 'es'];

describe('localized and unlocalized', () => {
  it('keep the first language at the root and put the others under their tag', () => {
    expect(localized(locales, 'en', '/beats/101')).toBe('/beats/101');
    expect(localized(locales, 'es', '/beats/101')).toBe('/es/beats/101');
    expect(localized(locales, 'es', '/')).toBe('/es');
  });

  it('find the same page in another language', () => {
    expect(unlocalized(locales, '/es/beats/101')).toBe('/beats/101');
    expect(unlocalized(locales, '/beats/101')).toBe('/beats/101');
    expect(unlocalized(locales, '/es')).toBe('/');
    expect(unlocalized(locales, '/estates')).toBe('/estates');
  });
});
