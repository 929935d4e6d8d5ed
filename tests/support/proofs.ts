// A solved proof of work for a submission sent straight to Postgres, as the
// browser would solve it (src/lib/forms/proofOfWork.ts).
import type pg from 'pg';
import { solve, type Challenge, type Proof } from '../../src/lib/forms/proofOfWork.ts';

export async function proofFor(db: pg.Client, action: string, idempotencyKey: string): Promise<Proof> {
  const { rows } = await db.query<{ challenge: Challenge }>('select public.submission_challenge($1, $2) as challenge', [action, idempotencyKey]);
  const proof = await solve(rows[0]!.challenge);
  if (!proof) throw new Error('the challenge has no answer');
  return proof;
}
