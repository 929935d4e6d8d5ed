// Hostile and malformed input to every function the public may call, through
// the gateway as any client could send it: wrong types, huge and NUL-laden
// strings, SQL and HTML, deep JSON, invalid UTF-8, missing and unknown fields.
// Every submission must be refused with a 4xx and a message (never a 5xx),
// and none may store anything; lookups must never answer with a row.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { proofFor } from '../support/proofs.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const marker = `FUZZ-${crypto.randomUUID().slice(0, 8)}`;

// A tip whose resident an officer asked a question: an answer to it would be stored, but for the broken field.
let askedReceipt = '';
beforeAll(async () => {
  await db.connect();
  const key = crypto.randomUUID();
  const { rows } = await db.query<{ answer: { receipt: string } }>(`select public.submit_tip('noise', 'Fuzz setup: loud music every night.', $1, proof => $2) as answer`, [
    key,
    await proofFor(db, 'submit_tip', key),
  ]);
  askedReceipt = rows[0]!.answer.receipt;
  await db.query(
    `insert into public.conversation_messages (kind, item_id, from_staff, body)
     select 'tip', t.tip_id, true, 'Which night?' from public.tips as t where t.receipt_hash = private.receipt_hash($1)`,
    [askedReceipt],
  );
});
afterAll(() => db.end());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
// A published, open priority of the demo city: what residents may say matters to them.
const supportedPriority = '105-package-thefts-on-laurel-ave';
const square = { type: 'Polygon', coordinates: [[[-88.26, 41.11], [-88.25, 41.11], [-88.25, 41.12], [-88.26, 41.12], [-88.26, 41.11]]] };

type Kind = 'text' | 'id' | 'uuid' | 'number' | 'integer' | 'time' | 'boolean' | 'geojson' | 'times';
interface Target {
  fn: string;
  /** A payload that would be stored as it is: every case breaks one field of it. */
  valid: () => Record<string, unknown>;
  /** Fields whose every hostile value below is invalid (free text with room to spare is left out). */
  fields: Record<string, Kind>;
}

// Marked text in two fields of each payload, so anything a case stored would be found.
const targets: Target[] = [
  {
    fn: 'submit_tip',
    valid: () => ({ category: 'noise', description: `${marker} loud music every night.`, person_description: marker, idempotency_key: crypto.randomUUID() }),
    fields: { category: 'text', idempotency_key: 'uuid', beat: 'id', occurred_at: 'time', latitude: 'number', contact_email: 'text', contact_phone: 'text', contact_language: 'text' },
  },
  {
    fn: 'register_watch_group',
    valid: () => ({
      name: `${marker} Watch`,
      area: square,
      beat: '101',
      captain_name: 'Ana',
      captain_email: 'ana@example.org',
      captain_phone: '312 555 0100',
      meeting_preference: 'weekends',
      expected_members: 10,
      meeting_note: marker,
      idempotency_key: crypto.randomUUID(),
    }),
    fields: { area: 'geojson', beat: 'id', captain_email: 'text', captain_phone: 'text', meeting_preference: 'text', expected_members: 'integer', idempotency_key: 'uuid' },
  },
  {
    fn: 'join_watch_group',
    valid: () => ({ watch_group_id: crypto.randomUUID(), name: marker, email: 'ana@example.org', block: marker, idempotency_key: crypto.randomUUID() }),
    // an unknown group is itself refused: every case here must be refused anyway
    fields: { watch_group_id: 'uuid', email: 'text', idempotency_key: 'uuid' },
  },
  {
    fn: 'request_workshop',
    valid: () => ({
      workshop: 'robbery-prevention',
      business_name: `${marker} Grocery`,
      address: '1200 W Birch St',
      contact_name: 'Ana',
      contact_email: 'ana@example.org',
      attendees: 6,
      preferred_times: [inDays(7), inDays(14)],
      notes: marker,
      idempotency_key: crypto.randomUUID(),
    }),
    fields: { workshop: 'id', contact_email: 'text', attendees: 'integer', preferred_times: 'times', latitude: 'number', idempotency_key: 'uuid' },
  },
  {
    fn: 'suggest_priority',
    valid: () => ({ beat: '101', problem: `${marker}: cars race along Crane St before school.`, idempotency_key: crypto.randomUUID() }),
    fields: { beat: 'id', idempotency_key: 'uuid' },
  },
  {
    // Nothing of a click is text: it is found by counting the priority's clicks (supportClicks).
    fn: 'support_priority',
    valid: () => ({ priority_id: supportedPriority, idempotency_key: crypto.randomUUID() }),
    fields: { priority_id: 'id', idempotency_key: 'uuid' },
  },
  {
    // no proof in the valid payload: every case here must be refused anyway
    fn: 'subscribe_to_alerts',
    valid: () => ({ email: `${marker}@example.org`, language: 'en', beat: '101', topics: ['meeting_changes'], delivery: 'each_publish', idempotency_key: crypto.randomUUID() }),
    fields: { email: 'text', language: 'text', beat: 'id', topics: 'text', delivery: 'text', idempotency_key: 'uuid' },
  },
  {
    fn: 'reply_to_staff',
    valid: () => ({ receipt: askedReceipt, body: `${marker}: Tuesday, about 11 pm.`, idempotency_key: crypto.randomUUID() }),
    fields: { receipt: 'text', idempotency_key: 'uuid' },
  },
];

const deepJson = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
const hostileText = fc.constantFrom(
  "'; drop table public.tips; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x'.repeat(100_000),
  '%00%27',
  '${jndi:ldap://x}',
);
const wrongType = fc.constantFrom<unknown>(12, -1, 1e308, true, false, [], ['a'], {}, { $gt: '' }, deepJson(2000));
const hostile: Record<Kind, fc.Arbitrary<unknown>> = {
  text: fc.oneof(hostileText, wrongType),
  // A number or true arrives as the text "12" or "true", which is a well-formed id: not hostile here.
  id: fc.oneof(hostileText, fc.constantFrom<unknown>([], ['a'], {}, { $gt: '' }, deepJson(2000), '', 'beat 101', '../101')),
  uuid: fc.oneof(hostileText, wrongType, fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-00000000000g', '')),
  number: fc.oneof(hostileText, fc.constantFrom<unknown>('north', '1e309', [], {}, true, 200, -200)),
  integer: fc.oneof(hostileText, fc.constantFrom<unknown>('ten', 1.5, 1e12, -1, 0, 1_000_000, [], {})),
  time: fc.oneof(hostileText, fc.constantFrom<unknown>('yesterday at noon', '2026-13-45T25:61:00Z', 'infinity', '-infinity', 123, [], {})),
  boolean: fc.oneof(hostileText, fc.constantFrom<unknown>('maybe', 2, [], {})),
  geojson: fc.oneof(
    wrongType,
    hostileText,
    fc.constantFrom<unknown>(
      { type: 'Point', coordinates: [0, 0] },
      { type: 'Polygon', coordinates: 'x' },
      { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] },
      { type: 'Polygon', coordinates: [[[500, 0], [1, 0], [1, 1], [500, 0]]] },
      { type: 'Polygon', coordinates: [Array.from({ length: 5000 }, (_, i) => [i / 1e4, 0])] },
      { type: 'Polygon', coordinates: deepJson(500) },
    ),
  ),
  times: fc.oneof(wrongType, hostileText, fc.constantFrom<unknown>([inDays(7)], [inDays(7), inDays(7)], [inDays(-1), inDays(3)], ['soon', 'later'], [inDays(1), inDays(2), inDays(3), inDays(4)])),
};

/** One broken payload: a field given a hostile value, dropped, or joined by an unknown one. */
function cases(target: Target, count: number, seed: number): Array<Record<string, unknown>> {
  const field = fc.constantFrom(...Object.keys(target.fields));
  const broken = fc.oneof(
    { weight: 8, arbitrary: field.chain((name) => hostile[target.fields[name]!].map((value) => ({ ...target.valid(), [name]: value }))) },
    { weight: 1, arbitrary: field.map((name) => Object.fromEntries(Object.entries(target.valid()).filter(([key]) => key !== name && key !== 'idempotency_key'))) },
    { weight: 1, arbitrary: fc.constantFrom('admin', 'status', 'receipt_hash', 'tip_id').map((extra) => ({ ...target.valid(), [extra]: 'x' })) },
  );
  return fc.sample(broken, { numRuns: count, seed });
}

async function call(fn: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') {
  const response = await fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': contentType },
    body,
  });
  const text = await response.text();
  let message = '';
  try {
    message = String((JSON.parse(text) as { message?: unknown }).message ?? '');
  } catch {
    message = '';
  }
  return { status: response.status, message };
}

async function storedWithMarker(): Promise<number> {
  const { rows } = await db.query(
    `select (select count(*) from public.tips where description like $1 or person_description like $1)
          + (select count(*) from public.watch_groups where name like $1 or meeting_note like $1)
          + (select count(*) from public.watch_members where name like $1 or block like $1)
          + (select count(*) from public.workshop_requests where business_name like $1 or notes like $1)
          + (select count(*) from public.priority_suggestions where problem like $1)
          + (select count(*) from private.alert_subscriptions where email ilike $1)
          + (select count(*) from private.mail_outbox where recipient ilike $1)
          + (select count(*) from public.conversation_messages where body like $1) as n`,
    [`%${marker}%`],
  );
  return Number(rows[0].n);
}

/** The clicks counted for the priority the fuzz says matters: no other test file clicks it. */
async function supportClicks(): Promise<number> {
  const { rows } = await db.query(`select count(*)::int as n from public.priority_support where priority_id = $1`, [supportedPriority]);
  return rows[0].n;
}

let clicksBefore: number;
beforeAll(async () => {
  clicksBefore = await supportClicks();
});

describe('the public functions under hostile input', () => {
  for (const [index, target] of targets.entries()) {
    it(`${target.fn} refuses hundreds of broken payloads with a 4xx and a message, and stores none`, async () => {
      const answers = new Map<string, number>();
      for (const payload of cases(target, 400, 2026 + index)) {
        const { status, message } = await call(target.fn, JSON.stringify(payload));
        answers.set(String(status), (answers.get(String(status)) ?? 0) + 1);
        expect({ status: status >= 400 && status < 500, message: message.length > 0 }, JSON.stringify(payload).slice(0, 300)).toEqual({ status: true, message: true });
      }
      expect(await storedWithMarker()).toBe(0);
      expect(await supportClicks()).toBe(clicksBefore);
      expect([...answers.keys()].every((status) => status.startsWith('4'))).toBe(true);
    });
  }

  it('refuses bodies that are not JSON at all: invalid UTF-8, truncated, another type, very deep', async () => {
    const bodies: Array<[string | Uint8Array<ArrayBuffer>, string?]> = [
      [new Uint8Array([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
      ['{"category": "noise", "description": '],
      ['category=noise&description=hello', 'application/x-www-form-urlencoded'],
      ['<tip><category>noise</category></tip>', 'application/xml'],
      ['['.repeat(100_000) + ']'.repeat(100_000)],
      ['"just a string"'],
      ['null'],
    ];
    for (const fn of targets.map((target) => target.fn)) {
      for (const [body, type] of bodies) {
        const { status } = await call(fn, body, type);
        expect({ fn, body: String(body).slice(0, 40), status }).toEqual({ fn, body: String(body).slice(0, 40), status: expect.toSatisfy((s: number) => s >= 400 && s < 500) });
      }
    }
    expect(await storedWithMarker()).toBe(0);
    expect(await supportClicks()).toBe(clicksBefore);
  });

  it('the alert links refuse hostile tokens with a 4xx and a message, and change nothing', async () => {
    const tokens = fc.sample(fc.oneof(hostileText, wrongType, fc.string({ maxLength: 100 }), fc.constantFrom('a'.repeat(64), 'a'.repeat(96), 'A'.repeat(96))), {
      numRuns: 200,
      seed: 17,
    });
    for (const token of tokens) {
      for (const [fn, extra] of [
        ['confirm_alerts', {}],
        ['alert_subscription', {}],
        ['update_alerts', { topics: ['priorities'], delivery: 'daily', language: 'es' }],
        ['unsubscribe_alerts', {}],
      ] as const) {
        const { status, message } = await call(fn, JSON.stringify({ token, ...extra }));
        // A well-formed token of no subscription unsubscribes nothing, and says so as it would twice.
        const answer = fn === 'unsubscribe_alerts' && status === 200 ? { fn, status: true, message: true } : { fn, status: status >= 400 && status < 500, message: message.length > 0 };
        expect(answer, `${fn} ${String(token).slice(0, 60)}`).toEqual({ fn, status: true, message: true });
      }
    }
    expect(await storedWithMarker()).toBe(0);
  });

  it('lookups answer hostile codes with nothing, never a row and never a 5xx', async () => {
    const codes = fc.sample(fc.oneof(hostileText, wrongType, fc.string({ maxLength: 40 })), { numRuns: 200, seed: 7 });
    for (const fn of ['tip_status', 'watch_group_status', 'workshop_status', 'suggestion_status', 'conversation']) {
      for (const receipt of codes) {
        const response = await fetch(`${url}/rest/v1/rpc/${fn}`, {
          method: 'POST',
          headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ receipt }),
        });
        const text = await response.text();
        const answer = { fn, status: response.status < 500, row: response.ok && text !== '[]' };
        expect(answer, String(receipt).slice(0, 60)).toEqual({ fn, status: true, row: false });
      }
    }
  });
});
