// The form's rules (zod, workshop.schema.ts) and the database's
// (request_workshop) accept and refuse the same requests, and name the same
// field when they refuse: checked on thousands of generated ones, with text at
// the length limits, blank and missing contact details, partial points, and
// preferred times around now, a year ahead and repeated in other time zones.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workshopLimits, workshopRequestErrors } from '../../src/features/workshops/workshop.schema.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

interface Payload {
  workshop: string;
  business_name: string;
  address: string;
  contact_name: string;
  beat?: string;
  latitude?: number;
  longitude?: number;
  contact_email?: string;
  contact_phone?: string;
  contact_language?: string;
  attendees?: number;
  preferred_times?: string[];
  notes?: string;
}

/** The field request_workshop refuses, or null when it takes the fields (it then asks for a proof of work these calls do not carry, so nothing is kept; each call is rolled back too). */
async function databaseRefuses(request: Payload): Promise<string | null> {
  await db.query('begin');
  try {
    await db.query(
      `select public.request_workshop(
         workshop => $1, business_name => $2, address => $3, contact_name => $4, idempotency_key => $5,
         beat => $6, latitude => $7, longitude => $8, contact_email => $9, contact_phone => $10,
         contact_language => $11, attendees => $12, preferred_times => $13::timestamptz[], notes => $14)`,
      [
        request.workshop,
        request.business_name,
        request.address,
        request.contact_name,
        crypto.randomUUID(),
        request.beat ?? null,
        request.latitude ?? null,
        request.longitude ?? null,
        request.contact_email ?? null,
        request.contact_phone ?? null,
        request.contact_language ?? null,
        request.attendees ?? null,
        request.preferred_times ?? null,
        request.notes ?? null,
      ],
    );
    return null;
  } catch (error) {
    const { code, detail } = error as { code?: string; detail?: string };
    if (code !== '22023' || !detail) throw error;
    // Taken fields go on to the proof of work, which these calls do not carry.
    return detail === 'proof' ? null : detail;
  } finally {
    await db.query('rollback');
  }
}

const around = (limit: number) => fc.integer({ min: Math.max(0, limit - 2), max: limit + 2 });
const character = fc.oneof(
  fc.constantFrom(' ', '\t', '\n', '\u00a0', 'a', 'ñ', 'é', '🛒', '漢', '-', "'"),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);
const textOf = (length: fc.Arbitrary<number>) => length.chain((n) => fc.array(character, { minLength: n, maxLength: n }).map((chars) => chars.join('')));
/** Text near a limit, short text, and blanks. */
const text = (limit: number) =>
  fc.oneof(
    fc.constantFrom('', '   ', '\n'),
    fc.string({ maxLength: 12, unit: 'grapheme' }),
    textOf(fc.integer({ min: 0, max: 4 })),
    around(limit).chain((n) => fc.constantFrom('a', '🛒', 'ñ').map((c) => c.repeat(n))),
  );
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

const workshop = fc.oneof(
  fc.constantFrom('robbery-prevention', 'cpted-survey', 'a', 'shop_lifting-2', '', '-dash-first', 'Scams and fraud', 'x'.repeat(80), 'x'.repeat(81)),
  fc.string({ maxLength: 10 }),
);
const beat = maybe(fc.constantFrom('101', 'B-2', '', 'Beat 101', '1'.repeat(40), '1'.repeat(41), '_1'));
const latitude = maybe(fc.constantFrom(-91, -90, -0.5, 41.1176, 90, 90.000001, 123));
const longitude = maybe(fc.constantFrom(-181, -180, -88.2619, 0, 180, 180.5));
const contactEmail = maybe(
  fc.oneof(fc.constantFrom('', ' ', 'ana@example.com', 'ana@example', 'ana at example.com', '@example.com', 'a@b.c.', `${'a'.repeat(242)}@example.com`, `${'a'.repeat(243)}@example.com`), fc.emailAddress()),
);
const contactPhone = maybe(
  fc.oneof(
    fc.constantFrom('', ' ', '555-0123', '+1 (555) 010-0123', '(555) 010-0123', '123456', '1234567', '1'.repeat(15), '1'.repeat(16), '555 0123 ext 4', `1${' '.repeat(29)}234567`),
    fc.stringMatching(/^\+?[0-9 ().-]{0,20}$/),
  ),
);
const contactLanguage = maybe(fc.constantFrom('en', 'es', 'pt-BR', 'zh-Hant-TW', '', 'EN', 'Spanish', 'e', 'en-', `en-${'a'.repeat(31)}`, `en-${'a'.repeat(32)}`));
const attendees = maybe(fc.oneof(fc.constantFrom(-1, 0, 1, 5, 999, 1000, 1001), fc.integer({ min: -5, max: 2000 })));

const minute = 60_000;
const day = 24 * 60 * minute;
/** Well clear of "now" and "a year from now", so the form's clock and the database's agree on which side each is. */
const offset = fc.oneof(
  fc.constantFrom(-day, -5 * minute, 5 * minute, day, 364 * day, 365 * day - 5 * minute, 365 * day + 5 * minute, 400 * day),
  fc.integer({ min: 1, max: 363 }).map((days) => days * day),
);
/** The same instant, written in UTC or with another zone's offset. */
const written = (at: number, zoneMinutes: number) => {
  if (zoneMinutes === 0) return new Date(at).toISOString();
  const sign = zoneMinutes > 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(zoneMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(zoneMinutes) % 60).padStart(2, '0');
  return new Date(at + zoneMinutes * minute).toISOString().replace('Z', `${sign}${hours}:${minutes}`);
};
const preferredTimes = maybe(
  fc
    .tuple(fc.array(offset, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(4), { maxLength: 4 }), fc.constantFrom(0, 120, -300, 330))
    .map(([pool, picks, zone]) => {
      const now = Date.now();
      // Picks from a small pool, so the same time often comes twice.
      const chosen = (picks.length > 0 ? picks : [0, 1]).map((pick) => pool[pick % pool.length]!);
      return chosen.map((shift, i) => written(now + shift, i % 2 === 0 ? 0 : zone));
    }),
);

const request: fc.Arbitrary<Payload> = fc.record(
  {
    workshop,
    business_name: text(workshopLimits.business_name),
    address: text(workshopLimits.address),
    contact_name: text(120),
    beat,
    latitude,
    longitude,
    contact_email: contactEmail,
    contact_phone: contactPhone,
    contact_language: contactLanguage,
    attendees,
    preferred_times: preferredTimes,
    notes: maybe(text(workshopLimits.notes)),
  },
  { requiredKeys: ['workshop', 'business_name', 'address', 'contact_name'] },
);

/** The form sends its text trimmed; the language as the list gives it. */
const asSent = (payload: Payload): Payload => {
  const trim = (value: string | undefined) => value?.trim();
  return {
    ...payload,
    business_name: payload.business_name.trim(),
    address: payload.address.trim(),
    contact_name: payload.contact_name.trim(),
    contact_email: trim(payload.contact_email),
    contact_phone: trim(payload.contact_phone),
    notes: trim(payload.notes),
  };
};

describe('workshop request rules', () => {
  it('are the same in the form and in the database, field for field, on thousands of generated requests', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const sent = asSent(generated);
        const formErrors = workshopRequestErrors(sent);
        const refused = await databaseRefuses(sent);
        expect({ sent, accepted: refused === null }).toEqual({ sent, accepted: Object.keys(formErrors).length === 0 });
        // The database stops at the first bad field; the form names it too.
        if (refused !== null) expect(Object.keys(formErrors)).toContain(refused);
      }),
      { numRuns: 3000 },
    );
  });

  it('take a request the form builds from what a business owner types', async () => {
    const now = Date.now();
    const sent: Payload = {
      workshop: 'cpted-survey',
      business_name: 'Café Ñandú',
      address: '1200 W Birch St',
      contact_name: 'José Álvarez',
      contact_phone: '+1 555 010 0123',
      contact_language: 'es',
      preferred_times: [written(now + 3 * day, -300), written(now + 4 * day, 0)],
    };
    expect(workshopRequestErrors(sent)).toEqual({});
    expect(await databaseRefuses(sent)).toBeNull();
  });
});
