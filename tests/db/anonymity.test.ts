// The attacker with the database in hand: the department's own administrator,
// anyone with a backup, or whoever breaches it. Tips, a registration, a
// workshop request, a suggested priority, a "this matters to me too" click and
// an answer to an officer's question arrive from known addresses, as browsers send them, and
// then, as the database superuser, with the data folder's logs and WAL, every
// search we can think of must fail to lead back to any of those addresses:
// the address itself, any hash of it or of its network, any keyed hash whose
// key is stored anywhere, anything written in the submission's transaction.
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { superuser } from '../../supabase/local/postgres.ts';
import type { RpcClient, RpcResponse } from '../../src/lib/api/publicApi.ts';
import { loadConversation, replyToStaff } from '../../src/lib/forms/conversation.ts';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { watchRegistrationFields, workshopRequestFields } from '../support/submissions.ts';

const { url, anonKey, databaseUrl, dataDir } = inject('stack');
const marker = `Anonymity ${crypto.randomUUID().slice(0, 8)}`;
// Loopback addresses no other test uses: Linux routes all of 127/8 to lo.
const senders = ['127.0.77.11', '127.0.77.12', '127.0.77.13', '127.0.78.14', '127.0.79.15'];
// A published, open priority of the demo city that no other test file clicks.
const supportedPriority = '101-abandoned-vehicles-on-larch-ave';
const networks = [...new Set(senders.map((address) => address.split('.').slice(0, 3).join('.')))];

const asSuperuser = new URL(databaseUrl);
asSuperuser.username = superuser;
const db = new pg.Client({ connectionString: asSuperuser.toString() });

/** The portal's own client code, over a connection from `address`. */
function browserAt(address: string): RpcClient {
  const agent = new http.Agent({ keepAlive: true, localAddress: address });
  return {
    rpc: (fn, args) =>
      new Promise<RpcResponse>((resolve, reject) => {
        const body = JSON.stringify(args);
        const request = http.request(
          new URL(`/rest/v1/rpc/${fn}`, url),
          { method: 'POST', agent, headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (text += chunk));
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              const parsed = text ? JSON.parse(text) : null;
              resolve(status < 300 ? { data: parsed, error: null, status } : { data: null, error: parsed, status });
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
  };
}


beforeAll(async () => {
  await db.connect();
  const receipts: string[] = [];
  for (const [i, address] of senders.entries()) {
    const browser = browserAt(address);
    const tip = await callSubmission<{ receipt: string }>(browser, 'submit_tip', { category: 'noise', description: `${marker}: tip ${i}, loud music every night.`, idempotency_key: crypto.randomUUID() });
    expect(tip.kind).toBe('stored');
    receipts.push((tip as { result: { receipt: string } }).result.receipt);
    // A receipt lookup too: lookups must leave nothing behind either.
    await browser.rpc('tip_status', { receipt: receipts.at(-1) });
  }
  // An officer's question on the first tip, answered from another address, after reading it.
  await db.query(
    `insert into public.conversation_messages (kind, item_id, from_staff, body)
     select 'tip', t.tip_id, true, 'Which night?' from public.tips as t where t.receipt_hash = private.receipt_hash($1)`,
    [receipts[0]],
  );
  const answering = browserAt(senders[4]!);
  expect((await loadConversation(answering, receipts[0]!)).kind).toBe('found');
  expect((await replyToStaff(answering, receipts[0]!, `${marker}: answer, Tuesday night.`, crypto.randomUUID())).kind).toBe('stored');
  const [first, second, third, fourth] = senders.map(browserAt);
  const group = await callSubmission(first!, 'register_watch_group', { ...watchRegistrationFields(marker), idempotency_key: crypto.randomUUID() });
  expect(group.kind).toBe('stored');
  const request = await callSubmission(second!, 'request_workshop', { ...workshopRequestFields(marker), idempotency_key: crypto.randomUUID() });
  expect(request.kind).toBe('stored');
  const suggestion = await callSubmission<{ receipt: string }>(third!, 'suggest_priority', { beat: '101', problem: `${marker}: cars race along Crane St before school.`, idempotency_key: crypto.randomUUID() });
  expect(suggestion.kind).toBe('stored');
  await third!.rpc('suggestion_status', { receipt: (suggestion as { result: { receipt: string } }).result.receipt });
  clicksBefore = await supportClicks();
  const click = await callSubmission(fourth!, 'support_priority', { priority_id: supportedPriority, idempotency_key: crypto.randomUUID() });
  expect(click.kind).toBe('stored');
  // An alert subscription keeps the address the resident gave to be mailed, never the one they sent from.
  const alerts = await callSubmission(first!, 'subscribe_to_alerts', {
    email: `${marker.replace(/\W+/g, '-')}@example.org`.toLowerCase(),
    language: 'en',
    beat: '101',
    topics: ['meeting_changes'],
    delivery: 'each_publish',
    idempotency_key: crypto.randomUUID(),
  });
  expect(alerts.kind).toBe('stored');
  // What Postgres buffers reaches the WAL files on disk.
  await db.query('checkpoint');
});
afterAll(() => db.end());

let clicksBefore: number;
const supportClicks = async () => (await db.query<{ n: number }>(`select count(*)::int as n from public.priority_support where priority_id = $1`, [supportedPriority])).rows[0]!.n;

/** The tables holding rows written in the same transactions as the given rows (by their xmin). */
async function writtenAlongside(xmins: string[]): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`,
  );
  const sharing: string[] = [];
  for (const { name } of tables) {
    const { rowCount } = await db.query(`select 1 from ${name} as t where t.xmin::text = any($1::text[])`, [xmins]);
    if (rowCount) sharing.push(name);
  }
  return sharing.sort();
}

/** Every row of every table in every schema, as text: what a backup holds. */
async function everyRow(): Promise<Array<{ table: string; row: string }>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`,
  );
  const all = [];
  for (const { name } of tables) {
    const { rows } = await db.query<{ row: string }>(`select to_jsonb(t)::text as row from ${name} as t`);
    all.push(...rows.map(({ row }) => ({ table: name, row: row.toLowerCase() })));
  }
  return all;
}

const sha = (algorithm: string, ...parts: Array<string | Buffer>) => parts.reduce((hash, part) => hash.update(part), createHash(algorithm)).digest('hex');
/** Each address and each of its /24 networks, as a limiter would key them. */
const identities = [...senders, ...networks];

describe('whoever holds the database, its logs and its WAL', () => {
  it('finds no address, and no plain hash of one or of its network, in any table', async () => {
    const rows = await everyRow();
    expect(rows.filter(({ row }) => row.includes(marker.toLowerCase())).length).toBeGreaterThanOrEqual(senders.length + 2);
    const traces = identities.flatMap((identity) => [identity, ...['md5', 'sha1', 'sha256', 'sha512'].map((algorithm) => sha(algorithm, identity))]);
    for (const { table, row } of rows) {
      for (const trace of traces) expect({ table, holds: row.includes(trace) }).toEqual({ table, holds: false });
    }
  });

  it('cannot recompute any stored value as a keyed hash of an address, whatever stored value it takes for the key or salt', async () => {
    const rows = await everyRow();
    // Every digest-sized value stored anywhere: a salted or keyed hash of an address would be one.
    const digests = new Set(rows.flatMap(({ row }) => row.match(/[0-9a-f]{32,128}/g) ?? []));
    // Every short value outside residents' own tables could be the salt or the key.
    const secrets = new Set(
      rows
        .filter(({ table }) => !table.startsWith('public.'))
        .flatMap(({ row }) => [...row.matchAll(/"((?:[^"\\]|\\.){1,200})"/g)].map((match) => match[1]!.replace(/^\\\\x/, ''))),
    );
    expect(secrets.size).toBeGreaterThan(10);
    const found: string[] = [];
    for (const secret of secrets) {
      const keys = /^([0-9a-f]{2})+$/.test(secret) ? [secret, Buffer.from(secret, 'hex')] : [secret];
      for (const key of keys) {
        for (const identity of identities) {
          for (const candidate of [sha('sha256', key, identity), sha('sha256', identity, key), createHmac('sha256', key).update(identity).digest('hex')]) {
            if (digests.has(candidate)) found.push(`${identity} with ${secret.slice(0, 16)}…`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('finds nothing else written in a submission’s own transaction but the tip, its “received” history entry, and the staff’s notice of its kind, beat and time', async () => {
    const { rows: tips } = await db.query<{ xmin: string; tip_id: string; beat: string | null }>(`select xmin::text, tip_id, beat from public.tips where starts_with(description, $1)`, [marker]);
    expect(tips).toHaveLength(senders.length);
    const xmins = tips.map((tip) => tip.xmin);
    // The outbox shares it only when a staff member chose to hear of new tips at once.
    expect((await writtenAlongside(xmins)).filter((name) => name !== 'private.mail_outbox')).toEqual(['private.staff_arrivals', 'public.staff_history', 'public.tips']);
    // The staff's notices say what arrived, where and when, and who on staff is told: nothing of the sender.
    const { rows: arrivals } = await db.query(`select kind, item_id, beat from private.staff_arrivals where xmin::text = any($1::text[]) order by item_id`, [xmins]);
    expect(arrivals).toEqual(tips.map((tip) => ({ kind: 'tip', item_id: tip.tip_id, beat: tip.beat })).sort((a, b) => a.item_id.localeCompare(b.item_id)));
    const { rows: mail } = await db.query<{ template: string; keys: string[]; staff: boolean }>(
      `select m.template, array(select jsonb_object_keys(m.params) order by 1) as keys,
              exists (select from auth.users as u join public.staff_members as s on s.user_id = u.id where u.email = m.recipient) as staff
         from private.mail_outbox as m where m.xmin::text = any($1::text[])`,
      [xmins],
    );
    for (const row of mail) expect(row).toEqual({ template: 'staff_new_item', keys: ['beat', 'kind', 'link'], staff: true });
  });

  it('finds nothing else written with a suggestion than its “received” history entry and the staff’s notice, and nothing at all with a click but the click', async () => {
    const { rows: suggestions } = await db.query<{ xmin: string; suggestion_id: string }>(
      `select xmin::text, suggestion_id from public.priority_suggestions where starts_with(problem, $1)`,
      [marker],
    );
    expect(suggestions).toHaveLength(1);
    const xmins = suggestions.map((suggestion) => suggestion.xmin);
    expect((await writtenAlongside(xmins)).filter((name) => name !== 'private.mail_outbox')).toEqual(['private.staff_arrivals', 'public.priority_suggestions', 'public.staff_history']);
    const { rows: arrivals } = await db.query(`select kind, item_id, beat from private.staff_arrivals where xmin::text = any($1::text[])`, [xmins]);
    expect(arrivals).toEqual([{ kind: 'suggestion', item_id: suggestions[0]!.suggestion_id, beat: '101' }]);
    // The newest click on the priority is the one sent above; other files never click it.
    expect(await supportClicks()).toBe(clicksBefore + 1);
    const { rows: clicks } = await db.query<{ xmin: string }>(
      `select xmin::text from public.priority_support where priority_id = $1 order by support_id desc limit 1`,
      [supportedPriority],
    );
    expect(await writtenAlongside(clicks.map((click) => click.xmin))).toEqual(['public.priority_support']);
  });

  it('finds nothing else written with an answer to staff than the answer, its “answered” history entry and the staff’s notice of its kind and beat', async () => {
    const { rows: answers } = await db.query<{ xmin: string; item_id: string }>(
      `select xmin::text, item_id from public.conversation_messages where not from_staff and starts_with(body, $1)`,
      [marker],
    );
    expect(answers).toHaveLength(1);
    const xmins = answers.map((answer) => answer.xmin);
    expect((await writtenAlongside(xmins)).filter((name) => name !== 'private.mail_outbox')).toEqual(['private.staff_arrivals', 'public.conversation_messages', 'public.staff_history']);
    const { rows: history } = await db.query(`select field, note, changed_by from public.staff_history where xmin::text = any($1::text[])`, [xmins]);
    expect(history).toEqual([{ field: 'answer', note: null, changed_by: null }]);
    const { rows: arrivals } = await db.query(`select kind, item_id, beat from private.staff_arrivals where xmin::text = any($1::text[])`, [xmins]);
    expect(arrivals).toEqual([{ kind: 'reply', item_id: answers[0]!.item_id, beat: null }]);
  });

  it('finds no address, nor its digest, in any log or WAL file of the data folder', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    const wal = files(path.join(dataDir, 'db', 'pg_wal')).filter((file) => /^[0-9A-F]{24}$/.test(path.basename(file)));
    const logs = files(path.join(dataDir, 'logs'));
    expect(wal.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
    const traces = identities.flatMap((identity) => [Buffer.from(identity), createHash('sha256').update(identity).digest(), Buffer.from(sha('sha256', identity))]);
    for (const file of [...wal, ...logs]) {
      if (statSync(file).size === 0) continue;
      const bytes = readFileSync(file);
      for (const trace of traces) expect({ file: path.relative(dataDir, file), holds: bytes.includes(trace) }).toEqual({ file: path.relative(dataDir, file), holds: false });
    }
    // Proof that the search sees what was written: the tips' own text is in the WAL.
    expect(wal.some((file) => readFileSync(file).includes(marker))).toBe(true);
  });
});
