// The form's rules (zod, tip.schema.ts) and the database's (submit_tip) accept
// and refuse the same tips: checked on thousands of generated ones, including
// every kind of whitespace, emoji and text at the length limits.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { descriptionLength, detailsLength, tipCategories, tipErrors } from '../../src/features/tips/tip.schema.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

/**
 * Whether submit_tip's field checks take the tip: it then goes on to ask for a proof of work,
 * which these calls do not carry, so nothing is ever kept (and each call is rolled back too).
 */
async function databaseAccepts(category: string, description: string): Promise<boolean> {
  await db.query('begin');
  try {
    await db.query('select public.submit_tip($1, $2, $3)', [category, description, crypto.randomUUID()]);
    return true;
  } catch (error) {
    return fieldsTaken(error);
  } finally {
    await db.query('rollback');
  }
}

/** A refusal of the proof of work comes after every field's check: the fields were taken. */
function fieldsTaken(error: unknown): boolean {
  const { code, detail } = error as { code?: string; detail?: string };
  if (code !== '22023') throw error;
  return detail === 'proof';
}

const around = (limit: number) => fc.integer({ min: Math.max(0, limit - 3), max: limit + 3 });
const character = fc.oneof(
  fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', 'a', 'ñ', 'é', '🚗', '漢', '-'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);
const description = fc.oneof(
  fc.string({ maxLength: 60, unit: 'grapheme' }),
  around(descriptionLength.min).chain((n) => fc.array(character, { minLength: n, maxLength: n }).map((chars) => chars.join(''))),
  around(descriptionLength.max).chain((n) => fc.tuple(fc.constantFrom('a', '🚗', 'ñ'), fc.constantFrom('', ' ', '\n  ')).map(([c, pad]) => pad + c.repeat(n) + pad)),
);
const category = fc.oneof(fc.constantFrom(...tipCategories), fc.string({ maxLength: 20 }), fc.constantFrom('', 'Noise', 'noise ', 'other\n'));

describe('tip rules', () => {
  it('are the same in the form and in the database, on thousands of generated tips', async () => {
    await fc.assert(
      fc.asyncProperty(category, description, async (c, d) => {
        // Whitespace the form's trim removes but Postgres's \s does not (no-break and wide spaces)
        // is left at the ends only by hand-made API calls; the form always sends its trimmed text.
        const sent = d.trim();
        const formAccepts = Object.keys(tipErrors({ category: c, description: sent })).length === 0;
        expect(await databaseAccepts(c, sent)).toBe(formAccepts);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on the optional details too: place, point, descriptions and contact', async () => {
    await fc.assert(
      fc.asyncProperty(details, async (given) => {
        // What the form sends: trimmed text, and blank fields left out.
        const sent = Object.fromEntries(
          Object.entries(given)
            .map(([field, value]) => [field, typeof value === 'string' ? value.trim() : value] as const)
            .filter(([, value]) => value !== undefined && value !== ''),
        );
        const formAccepts = Object.keys(tipErrors({ category: 'other', description: 'A long enough description of it.', ...sent })).length === 0;
        expect({ sent, accepted: await databaseAcceptsDetails(sent) }).toEqual({ sent, accepted: formAccepts });
      }),
      { numRuns: 3000 },
    );
  });
});

async function databaseAcceptsDetails(details: Record<string, unknown>): Promise<boolean> {
  const names = Object.keys(details);
  // The form's fields are submit_tip's arguments, by name.
  const args = names.map((name, i) => `${name} => $${i + 3}`);
  await db.query('begin');
  try {
    await db.query(
      `select public.submit_tip(category => 'other', description => 'A long enough description of it.', idempotency_key => $1::uuid, ongoing => $2${args.map((a) => `, ${a}`).join('')})`,
      [crypto.randomUUID(), false, ...names.map((name) => details[name])],
    );
    return true;
  } catch (error) {
    return fieldsTaken(error);
  } finally {
    await db.query('rollback');
  }
}

const textAround = (limit: number) =>
  fc.oneof(
    fc.string({ maxLength: 30, unit: 'grapheme' }),
    around(limit).chain((n) => fc.constantFrom('a', 'ñ', '🚗').map((c) => c.repeat(n))),
  );
const withSpaces = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.constantFrom('', ' ', '\u00a0', '\t'), fc.nat({ max: 40 })).map(([t, space, at]) => t.slice(0, at) + space + t.slice(at));
const email = withSpaces(
  fc.oneof(fc.emailAddress(), fc.string({ maxLength: 30 }), fc.constantFrom('a@b.c', 'a@b', '@b.co', 'a@@b.co', 'a@b.co.', 'ana@example.org', `${'x'.repeat(250)}@b.co`)),
);
const phone = withSpaces(
  fc.oneof(
    fc.stringMatching(/^\+?[0-9 ().-]{0,34}$/),
    fc.constantFrom('+1 (312) 555-0100', '555 0100', '123456', '1234567', '1234567890123456', '+44 20 7946 0000', '(312)555-0100', 'call me'),
  ),
);
const language = fc.oneof(fc.constantFrom('en', 'es', 'pt-BR', 'zh-Hant', 'EN', 'english', '', 'e', 'abcd'), fc.stringMatching(/^[a-zA-Z-]{0,12}$/));
const coordinate = (limit: number) => fc.oneof(fc.double({ min: -limit - 5, max: limit + 5, noNaN: true }), fc.constantFrom(-limit, limit, 0));
const details = fc.record(
  {
    place: textAround(200),
    latitude: coordinate(90),
    longitude: coordinate(180),
    vehicle_description: textAround(detailsLength),
    person_description: textAround(detailsLength),
    contact_name: textAround(120),
    contact_email: email,
    contact_phone: phone,
    contact_language: language,
  },
  { requiredKeys: [] },
);
