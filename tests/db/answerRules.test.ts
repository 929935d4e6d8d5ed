// The answer form's rule (zod, src/lib/forms/answer.schema.ts) and the
// database's (reply_to_staff) accept and refuse the same answers: checked on
// thousands of generated ones, with every kind of whitespace, emoji and text
// at the length limits.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerErrors, answerLength } from '../../src/lib/forms/answer.schema.ts';
import { proofFor } from '../support/proofs.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
let receipt = '';
beforeAll(async () => {
  await db.connect();
  // A tip whose resident an officer asked a question: its answers reach the text's check.
  const key = crypto.randomUUID();
  const { rows } = await db.query<{ answer: { receipt: string } }>(`select public.submit_tip('noise', 'Answer rules: loud music every night.', $1, proof => $2) as answer`, [
    key,
    await proofFor(db, 'submit_tip', key),
  ]);
  receipt = rows[0]!.answer.receipt;
  await db.query(
    `insert into public.conversation_messages (kind, item_id, from_staff, body)
     select 'tip', t.tip_id, true, 'Which night?' from public.tips as t where t.receipt_hash = private.receipt_hash($1)`,
    [receipt],
  );
});
afterAll(() => db.end());

/** Whether reply_to_staff takes the text: it then asks for a proof of work, which these calls lack, so nothing is kept. */
async function databaseAccepts(body: string): Promise<boolean> {
  await db.query('begin');
  try {
    await db.query('select public.reply_to_staff($1, $2, $3)', [receipt, body, crypto.randomUUID()]);
    return true;
  } catch (error) {
    const { code, detail } = error as { code?: string; detail?: string };
    if (code !== '22023') throw error;
    return detail === 'proof';
  } finally {
    await db.query('rollback');
  }
}

const around = (limit: number) => fc.integer({ min: Math.max(0, limit - 3), max: limit + 3 });
const character = fc.oneof(
  fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', 'a', 'ñ', 'é', '🚗', '漢', '-'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
);
const body = fc.oneof(
  fc.string({ maxLength: 10, unit: 'grapheme' }),
  around(answerLength.min).chain((n) => fc.array(character, { minLength: n, maxLength: n }).map((chars) => chars.join(''))),
  around(answerLength.max).chain((n) => fc.tuple(fc.constantFrom('a', '🚗', 'ñ'), fc.constantFrom('', ' ', '\n  ')).map(([c, pad]) => pad + c.repeat(n) + pad)),
);

describe('answer rules', () => {
  it('are the same in the form and in the database, on thousands of generated answers', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const formAccepts = Object.keys(answerErrors({ body: text })).length === 0;
        expect({ text, accepted: await databaseAccepts(text) }).toEqual({ text, accepted: formAccepts });
      }),
      { numRuns: 1500, seed: 1816 },
    );
  });
});
