import { describe, expect, it } from 'vitest';
import { classifyApiError } from './errors.ts';

describe('classifyApiError', () => {
  it('names the field the API refused, as the SQL function raised it', () => {
    expect(classifyApiError({ code: '22023', details: 'contact_email', message: 'not an email address' }, 400)).toEqual({
      kind: 'invalid',
      field: 'contact_email',
      message: 'not an email address',
    });
  });

  it('says how long to wait, in whole minutes, when the client has sent too much', () => {
    expect(classifyApiError({ code: 'rate_limited', details: '404', message: 'Too many attempts' }, 429)).toEqual({ kind: 'rate_limited', retryAfterMinutes: 7 });
    expect(classifyApiError({ code: 'rate_limited', details: '5', message: 'Too many attempts' }, 429)).toEqual({ kind: 'rate_limited', retryAfterMinutes: 1 });
    // A limit that does not say how long asks for a minute.
    expect(classifyApiError({ code: 'rate_limited', details: null }, 429)).toEqual({ kind: 'rate_limited', retryAfterMinutes: 1 });
  });

  it('tells an unreachable server, or one whose database is down, from a failing one', () => {
    expect(classifyApiError({ message: 'TypeError: Failed to fetch' }, 0)).toEqual({ kind: 'unreachable' });
    for (const status of [502, 503, 504]) expect(classifyApiError({ code: 'PGRST001', message: 'Database client error' }, status)).toEqual({ kind: 'unreachable' });
    expect(classifyApiError({ code: 'XX000', details: null, message: 'internal error' }, 500)).toEqual({ kind: 'failed', message: 'internal error' });
  });

  it('takes PostgREST’s empty 400, given when Postgres goes away mid-call, for no answer, and any other 400 for one', () => {
    expect(classifyApiError({ code: '', details: null, hint: null, message: '' } as never, 400)).toEqual({ kind: 'unreachable' });
    expect(classifyApiError({ code: 'PGRST102', details: null, message: 'Empty or invalid json' }, 400)).toEqual({ kind: 'failed', message: 'Empty or invalid json' });
    expect(classifyApiError({ message: 'The request is larger than 1024 KB.' }, 413)).toEqual({ kind: 'failed', message: 'The request is larger than 1024 KB.' });
  });

  it('does not take a refusal that names no field for one that does', () => {
    expect(classifyApiError({ code: '22023', details: null, message: 'refused' }, 400)).toEqual({ kind: 'failed', message: 'refused' });
  });
});
