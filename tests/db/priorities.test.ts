// Beat priorities, their updates and meeting reports, edited as content by
// staff signed in through supabase-js (officers of the beat, its district's
// supervisor, coordinators; never an officer of another beat), with their
// history and undo; residents' suggestions of a priority and "this matters to
// me too", sent with the anon key as a browser sends them. Works in the demo
// city the stack holds (beat 101 in district 1, beat 201 in district 2, the
// beat-101 meeting), with priorities of this run's own, removed afterwards.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { submitSuggestion } from '../../src/features/suggestions/submitSuggestion.ts';
import { problemLength, suggestionErrors } from '../../src/features/suggestions/suggestion.schema.ts';
import { lookUpSuggestion } from '../../src/features/suggestions/suggestionStatus.ts';
import { priorityRows } from '../../src/lib/content/rows.ts';
import { prioritySchema } from '../../src/lib/content/schemas.ts';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { contentHistory } from '../support/contentHistory.ts';
import { signedInStaff } from '../support/staffClients.ts';

const { url, anonKey, databaseUrl } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

type Who = 'officer101' | 'officer201' | 'supervisor1' | 'coordinator';
const staff: Record<Who, { role: string; officer_slug?: string; district?: string }> = {
  officer101: { role: 'officer', officer_slug: 'michael-delgado' },
  officer201: { role: 'officer', officer_slug: 'omar-underwood' },
  supervisor1: { role: 'supervisor', district: '1' },
  coordinator: { role: 'coordinator' },
};
const clients = {} as Record<Who, SupabaseClient>;
const emails = {} as Record<Who, string>;

const priority = { lighting: `lighting-${run}`, district: `district-${run}`, closed: `closed-${run}`, agreement: `agreement-${run}` };
// A past occurrence of the beat-101 meeting the demo city has no report for.
const report = { meeting_id: 'beat-101', occurrence_date: '2019-03-12' };

/** A priority as the workspace sends it: every column of its row, from the content schema. */
function priorityItem(id: string, entry: Record<string, unknown> = {}) {
  const parsed = prioritySchema.parse({
    title: 'Poor lighting along the park path',
    description: 'Several lamps along the path are out, and people avoid it after dark.',
    beats: ['101'],
    source: 'residents',
    opened: '2026-11-03',
    reviewBy: '2027-01-12',
    ...entry,
  });
  return priorityRows({ ...parsed, id }).priority;
}

const save = (who: Who, kind: string, item: object, options: { note?: string; create?: boolean } = {}) => clients[who].rpc('save_content', { kind, item, ...options });
const remove = (who: Who, kind: string, key: object) => clients[who].rpc('delete_content', { kind, key });

async function row(table: string, where: Record<string, string | number>) {
  const columns = Object.keys(where);
  const { rows } = await db.query(`select * from public.${table} where ${columns.map((c, i) => `${c} = $${i + 1}`).join(' and ')}`, Object.values(where));
  return rows[0];
}

const history = (kind: string, itemId: string) => contentHistory(db, kind, itemId);

/** What a resident reads of a priority, its updates and the report, with the anon key. */
async function publicView(id: string) {
  const priorities = await anon.from('priorities').select('priority_id, title').eq('priority_id', id);
  const updates = await anon.from('priority_updates').select('body').eq('priority_id', id);
  const reports = await anon.from('meeting_reports').select('attendance').match(report);
  return { priorities: priorities.data, updates: updates.data, reports: reports.data };
}

beforeAll(async () => {
  await db.connect();
  for (const who of Object.keys(staff) as Who[]) emails[who] = `${who}-${run}@example.org`;
  Object.assign(clients, await signedInStaff(db, { url, anonKey }, staff, (who) => emails[who]));
});

// The content tables are every test file's: this run's rows go (suggestions and clicks with their priorities).
afterAll(async () => {
  await db.query(`delete from public.meeting_reports where meeting_id = $1 and occurrence_date = $2`, [report.meeting_id, report.occurrence_date]);
  await db.query(`delete from public.priorities where priority_id = any($1)`, [Object.values(priority)]);
  await db.end();
});

describe('who may change a priority, its updates and a meeting’s report', () => {
  it('an officer of beat 101 opens a priority for it, changes it, posts an update and reports on the beat’s meeting; residents see none of it in draft', async () => {
    expect((await save('officer101', 'priority', priorityItem(priority.lighting), { create: true })).error).toBeNull();
    expect((await save('officer101', 'priority', { priority_id: priority.lighting, stage: 'analysis' }, { note: 'Lamps counted' })).error).toBeNull();
    const update = { priority_id: priority.lighting, position: 0, posted_on: '2026-11-20', stage: 'analysis', body: 'Eleven lamps out of thirty do not light.' };
    expect((await save('officer101', 'priority_update', update, { create: true })).error).toBeNull();
    const written = { ...report, attendance: 23, concerns: ['Dark park path'], priorities_set: [priority.lighting], next_steps: 'Ask the city to repair the lamps.' };
    expect((await save('officer101', 'meeting_report', written, { create: true })).error).toBeNull();

    expect(await row('priorities', { priority_id: priority.lighting })).toMatchObject({ stage: 'analysis', beats: ['101'], published: false });
    expect(await row('priority_updates', { priority_id: priority.lighting, position: 0 })).toMatchObject({ body: update.body, published: false });
    expect(await row('meeting_reports', report)).toMatchObject({ attendance: 23, priorities_set: [priority.lighting], published: false });
    expect(await publicView(priority.lighting)).toEqual({ priorities: [], updates: [], reports: [] });
  });

  it('an officer deletes none of them: taking a page off the site is a supervisor’s', async () => {
    for (const [kind, key] of [
      ['priority', { priority_id: priority.lighting }],
      ['priority_update', { priority_id: priority.lighting, position: 0 }],
      ['meeting_report', report],
    ] as const) {
      expect({ kind, code: (await remove('officer101', kind, key)).error?.code }).toEqual({ kind, code: '42501' });
    }
    expect(await row('priorities', { priority_id: priority.lighting })).toBeDefined();
    expect(await row('priority_updates', { priority_id: priority.lighting, position: 0 })).toBeDefined();
    expect(await row('meeting_reports', report)).toBeDefined();
  });

  it('an officer of beat 201 cannot change, add to, report on, move or delete any of them, nor open one in beat 101', async () => {
    const refused = [
      await save('officer201', 'priority', { priority_id: priority.lighting, title: 'Taken over' }),
      await save('officer201', 'priority', priorityItem(`elsewhere-${run}`), { create: true }),
      await save('officer201', 'priority_update', { priority_id: priority.lighting, position: 1, posted_on: '2026-11-21', stage: 'analysis', body: 'Not mine.' }, { create: true }),
      await save('officer201', 'priority_update', { priority_id: priority.lighting, position: 0, body: 'Rewritten.' }),
      await save('officer201', 'meeting_report', { ...report, attendance: 1 }),
      await save('officer201', 'meeting_report', { meeting_id: 'beat-101', occurrence_date: '2019-04-09', attendance: 5 }, { create: true }),
      await remove('officer201', 'priority', { priority_id: priority.lighting }),
      await remove('officer201', 'meeting_report', report),
    ];
    expect(refused.map(({ error }) => error?.code)).toEqual(Array(refused.length).fill('42501'));
    // Nor can the officer of beat 101 move theirs out to beat 201.
    expect((await save('officer101', 'priority', { priority_id: priority.lighting, beats: ['201'] })).error?.code).toBe('42501');

    expect(await row('priorities', { priority_id: priority.lighting })).toMatchObject({ title: 'Poor lighting along the park path', beats: ['101'] });
    expect(await row('priority_updates', { priority_id: priority.lighting, position: 0 })).toMatchObject({ body: 'Eleven lamps out of thirty do not light.' });
    expect((await db.query(`select count(*)::int as n from public.priority_updates where priority_id = $1`, [priority.lighting])).rows[0].n).toBe(1);
    expect(await row('meeting_reports', report)).toMatchObject({ attendance: 23 });
    expect(await row('priorities', { priority_id: `elsewhere-${run}` })).toBeUndefined();
  });

  it('the supervisor of district 1 and a coordinator change and publish them, and residents then read them; a district’s priority is its supervisor’s', async () => {
    expect((await save('supervisor1', 'priority', { priority_id: priority.lighting, published: true })).error).toBeNull();
    expect((await save('supervisor1', 'priority_update', { priority_id: priority.lighting, position: 0, published: true })).error).toBeNull();
    expect((await save('coordinator', 'meeting_report', { ...report, published: true })).error).toBeNull();
    expect((await save('coordinator', 'priority', { priority_id: priority.lighting, review_on: '2027-02-09' })).error).toBeNull();
    expect(await publicView(priority.lighting)).toEqual({
      priorities: [{ priority_id: priority.lighting, title: 'Poor lighting along the park path' }],
      updates: [{ body: 'Eleven lamps out of thirty do not light.' }],
      reports: [{ attendance: 23 }],
    });

    const districtWide = priorityItem(priority.district, { beats: [], district: '1', title: 'Car break-ins near the stations' });
    expect((await save('officer101', 'priority', districtWide, { create: true })).error?.code).toBe('42501');
    expect((await save('supervisor1', 'priority', districtWide, { create: true })).error).toBeNull();
    expect((await save('officer201', 'priority', { priority_id: priority.district, stage: 'response' })).error?.code).toBe('42501');
    expect((await save('coordinator', 'priority', { priority_id: priority.district, stage: 'response' })).error).toBeNull();
    expect(await row('priorities', { priority_id: priority.district })).toMatchObject({ district_id: '1', stage: 'response' });
  });

  it('keeps who changed what, with their note; staff read the history, residents do not', async () => {
    const changes = await history('priority', priority.lighting);
    expect(changes.map(({ operation, changed_by_email, note }) => ({ operation, changed_by_email, note }))).toEqual([
      { operation: 'insert', changed_by_email: emails.officer101, note: null },
      { operation: 'update', changed_by_email: emails.officer101, note: 'Lamps counted' },
      { operation: 'update', changed_by_email: emails.supervisor1, note: null },
      { operation: 'update', changed_by_email: emails.coordinator, note: null },
    ]);
    expect(changes[1]).toMatchObject({ before: { stage: 'scanning' }, after: { stage: 'analysis' } });
    expect((await history('priority_update', priority.lighting)).map((change) => change.changed_by_email)).toEqual([emails.officer101, emails.supervisor1]);
    expect((await history('meeting_report', report.meeting_id)).filter((change) => (change.after ?? change.before).occurrence_date === report.occurrence_date)).toMatchObject([
      { operation: 'insert', changed_by_email: emails.officer101 },
      { operation: 'update', changed_by_email: emails.coordinator, after: { published: true } },
    ]);
    expect((await clients.officer201.from('content_history').select('history_id').eq('kind', 'priority').eq('item_id', priority.lighting)).data).toHaveLength(changes.length);
    expect((await anon.from('content_history').select('history_id').eq('item_id', priority.lighting)).error?.code).toBe('42501');
  });

  it('undoes a change of the officer’s own, and a supervisor undoes what an officer may not: a new priority', async () => {
    await save('officer101', 'priority', { priority_id: priority.lighting, title: 'Dark park path' });
    const retitled = (await history('priority', priority.lighting)).at(-1);
    expect((await clients.officer201.rpc('undo_content_change', { history_id: retitled.history_id })).error?.code).toBe('42501');
    expect((await clients.officer101.rpc('undo_content_change', { history_id: retitled.history_id })).error).toBeNull();
    expect((await row('priorities', { priority_id: priority.lighting })).title).toBe('Poor lighting along the park path');
    expect((await history('priority', priority.lighting)).at(-1)).toMatchObject({ undoes: retitled.history_id, note: 'undo', changed_by_email: emails.officer101 });

    const draft = `undone-${run}`;
    await save('officer101', 'priority', priorityItem(draft), { create: true });
    const opened = (await history('priority', draft)).at(-1);
    expect((await clients.officer101.rpc('undo_content_change', { history_id: opened.history_id })).error?.code).toBe('42501');
    expect((await clients.supervisor1.rpc('undo_content_change', { history_id: opened.history_id })).error).toBeNull();
    expect(await row('priorities', { priority_id: draft })).toBeUndefined();
  });

  it('the supervisor and a coordinator delete an update and a report', async () => {
    await save('officer101', 'priority_update', { priority_id: priority.lighting, position: 1, posted_on: '2026-11-22', stage: 'analysis', body: 'Posted twice.' }, { create: true });
    expect((await remove('supervisor1', 'priority_update', { priority_id: priority.lighting, position: 1 })).error).toBeNull();
    expect(await row('priority_updates', { priority_id: priority.lighting, position: 1 })).toBeUndefined();
    const spare = { meeting_id: 'beat-101', occurrence_date: '2019-05-14' };
    await save('officer101', 'meeting_report', { ...spare, attendance: 3 }, { create: true });
    expect((await remove('coordinator', 'meeting_report', spare)).error).toBeNull();
    expect(await row('meeting_reports', spare)).toBeUndefined();
  });
});

describe('a bad priority is refused by the content schema and the database alike, naming the same field', () => {
  // The database names the column; the schema its field, as the workspace shows it.
  const columnOf: Record<string, string> = {
    title: 'title',
    description: 'description',
    beats: 'beats',
    source: 'source',
    stage: 'stage',
    sourceMeeting: 'source_meeting_id',
    reviewBy: 'review_on',
    opened: 'opened_on',
    'outcome.text': 'outcome_note',
    'outcome.closed': 'closed_on',
  };
  const base = {
    title: 'Agreement',
    description: 'A priority both the schema and the database accept.',
    beats: ['101'],
    source: 'analysis',
    stage: 'scanning',
    opened: '2026-11-03',
    reviewBy: '2027-01-12',
  };
  const closed = { ...base, reviewBy: undefined, outcome: { result: 'improved', text: 'Fewer calls since the lamps were fixed.', closed: '2026-12-01' } };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an empty title', { ...base, title: '' }, 'title'],
    ['a title longer than 120 characters', { ...base, title: 't'.repeat(121) }, 'title'],
    ['an empty description', { ...base, description: '' }, 'description'],
    ['a description longer than 2000 characters', { ...base, description: 'd'.repeat(2001) }, 'description'],
    ['a beat id with spaces', { ...base, beats: ['beat one'] }, 'beats'],
    ['neither beats nor a district', { ...base, beats: [] }, 'beats'],
    ['an unknown source', { ...base, source: 'rumour' }, 'source'],
    ['an unknown stage', { ...base, stage: 'done' }, 'stage'],
    ['a meeting named by a priority that did not come from one', { ...base, sourceMeeting: { meeting: 'beat-101', date: '2026-11-10' } }, 'sourceMeeting'],
    ['a review before the priority was opened', { ...base, reviewBy: '2026-10-01' }, 'reviewBy'],
    ['an opening date that is not a date', { ...base, opened: '3 November' }, 'opened'],
    ['an open priority with no next review', { ...base, reviewBy: undefined }, 'reviewBy'],
    ['a closed priority that still has a next review', { ...closed, reviewBy: '2027-01-12' }, 'reviewBy'],
    ['a closed priority that says nothing of why', { ...closed, outcome: { ...closed.outcome, text: '' } }, 'outcome.text'],
    ['a closing date that is not a date', { ...closed, outcome: { ...closed.outcome, closed: '1 December' } }, 'outcome.closed'],
  ];

  it('accepts the priority both accept, open and closed', async () => {
    expect((await save('coordinator', 'priority', priorityItem(priority.agreement, base), { create: true })).error).toBeNull();
    expect((await save('coordinator', 'priority', priorityItem(priority.agreement, closed))).error).toBeNull();
    expect(await row('priorities', { priority_id: priority.agreement })).toMatchObject({ outcome: 'improved', review_on: null, closed_on: '2026-12-01' });
  });

  it.each(cases)('%s', async (_name, entry, field) => {
    const parsed = prioritySchema.safeParse(entry);
    expect(parsed.success).toBe(false);
    // An item of a list is named by the list: beats.0 is beats.
    expect(parsed.error?.issues.map((issue) => issue.path.filter((part) => typeof part === 'string').join('.'))).toContain(field);
    // As the row would be written had the workspace let it through (the schema's defaults filled in by hand).
    const item = priorityRows({ updates: [], ...entry, id: priority.agreement } as unknown as Parameters<typeof priorityRows>[0]).priority;
    const { error } = await save('coordinator', 'priority', item);
    expect(error).toMatchObject({ code: '22023', details: columnOf[field] });
  });

  it('an update with no text is refused, naming its body', async () => {
    const { error } = await save('coordinator', 'priority_update', { priority_id: priority.agreement, position: 0, posted_on: '2026-11-05', stage: 'scanning', body: '' }, { create: true });
    expect(error).toMatchObject({ code: '22023', details: 'body' });
  });
});

describe('a resident’s suggestion of a priority', () => {
  const problem = `Cars race along Crane St before school every morning (${run}).`;
  let receipt: string;

  const visible = async (who: Who) => (await clients[who].from('priority_suggestions').select('beat, problem').eq('problem', problem)).data;
  const statusOf = async (code: string) => {
    const outcome = await lookUpSuggestion(anon, code);
    return outcome.kind === 'found' ? outcome.found : outcome;
  };

  it('is taken from an anonymous resident with a receipt, once however often it is retried', async () => {
    const key = crypto.randomUUID();
    const sent = await submitSuggestion(anon, { beat: '101', problem }, key);
    expect(sent.kind).toBe('stored');
    receipt = (sent as { result: { receipt: string } }).result.receipt;
    expect(await submitSuggestion(anon, { beat: '101', problem }, key)).toEqual(sent);
    expect((await db.query(`select count(*)::int as n from public.priority_suggestions where problem = $1`, [problem])).rows[0].n).toBe(1);
    expect(await statusOf(receipt)).toMatchObject({ status: 'received', publicReply: null, priorityId: null });
  });

  it('is counted in the weekly summary of the beat’s staff, and of no other beat’s', async () => {
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();
    const suggested = async (who: Who) =>
      ((await clients[who].rpc('staff_summary', { since, until })).data as Array<{ beat: string; kind: string; items: number }>)
        .filter((row) => row.kind === 'suggestion')
        .map((row) => row.beat);
    expect(await suggested('officer101')).toContain('101');
    expect(await suggested('officer201')).not.toContain('101');
  });

  it('is refused, naming the field, for a beat the site does not publish or a problem too short, and nothing is stored', async () => {
    const refusals = [
      await callSubmission(anon, 'suggest_priority', { beat: `nowhere-${run}`, problem, idempotency_key: crypto.randomUUID() }),
      await callSubmission(anon, 'suggest_priority', { beat: '101', problem: '  too short  ', idempotency_key: crypto.randomUUID() }),
    ];
    expect(refusals).toMatchObject([{ kind: 'invalid', field: 'beat' }, { kind: 'invalid', field: 'problem' }]);
    expect((await db.query(`select count(*)::int as n from public.priority_suggestions where beat = $1`, [`nowhere-${run}`])).rows[0].n).toBe(0);
  });

  it('is read by the beat’s officer, their supervisor and coordinators, and never by residents or another beat’s officer', async () => {
    const suggestion = [{ beat: '101', problem }];
    expect(await visible('officer101')).toEqual(suggestion);
    expect(await visible('supervisor1')).toEqual(suggestion);
    expect(await visible('coordinator')).toEqual(suggestion);
    expect(await visible('officer201')).toEqual([]);
    expect((await anon.from('priority_suggestions').select('problem').limit(1)).error?.code).toBe('42501');
    // Not even staff read the receipt's hash.
    expect((await clients.coordinator.from('priority_suggestions').select('receipt_hash').limit(1)).error?.code).toBe('42501');
  });

  it('is answered by the beat’s officer only, and the resident reads the reply with the receipt', async () => {
    const { rows } = await db.query(`select suggestion_id from public.priority_suggestions where problem = $1`, [problem]);
    const id = rows[0].suggestion_id;
    const elsewhere = await clients.officer201.rpc('answer_suggestion', { suggestion_id: id, status: 'closed', public_reply: 'Not ours.' });
    expect(elsewhere.error).toMatchObject({ code: '22023', details: 'suggestion_id' });
    expect(await statusOf(receipt)).toMatchObject({ status: 'received', publicReply: null });

    const reply = 'Thank you: we will bring this to the December beat meeting.';
    expect((await clients.officer101.rpc('answer_suggestion', { suggestion_id: id, status: 'answered', public_reply: reply, note: 'Add to the agenda' })).error).toBeNull();
    expect(await statusOf(receipt)).toMatchObject({ status: 'answered', publicReply: reply, priorityId: null });
    const { rows: recorded } = await db.query(`select field, to_value, changed_by_email from public.staff_history where item_id = $1 and field <> 'status' order by history_id`, [id]);
    expect(recorded).toContainEqual({ field: 'public_reply', to_value: reply, changed_by_email: emails.officer101 });
  });

  it('shows the priority it became only once that priority is published', async () => {
    const { rows } = await db.query(`select suggestion_id from public.priority_suggestions where problem = $1`, [problem]);
    const id = rows[0].suggestion_id;
    const draft = `adopted-${run}`;
    await save('officer101', 'priority', priorityItem(draft, { title: 'Speeding on Crane St before school' }), { create: true });
    // Linked to a priority is adopted: any other status with it is a contradiction, refused.
    const contradiction = await clients.officer101.rpc('answer_suggestion', { suggestion_id: id, status: 'answered', priority_id: draft });
    expect(contradiction.error).toMatchObject({ code: '22023', details: 'status' });
    expect((await clients.officer101.rpc('answer_suggestion', { suggestion_id: id, priority_id: draft })).error).toBeNull();
    expect(await statusOf(receipt)).toMatchObject({ status: 'adopted', priorityId: null });
    expect((await save('supervisor1', 'priority', { priority_id: draft, published: true })).error).toBeNull();
    expect(await statusOf(receipt)).toMatchObject({ status: 'adopted', priorityId: draft });

    // A priority that came from a suggestion can still be deleted; the resident is still told theirs was adopted.
    expect((await remove('supervisor1', 'priority', { priority_id: draft })).error).toBeNull();
    expect(await statusOf(receipt)).toMatchObject({ status: 'adopted', priorityId: null });
  });

  it('loses the resident’s words and the reply once it was settled longer ago than the retention period, keeping its standing, and only for the service role', async () => {
    // Settled long ago: the status was stamped when it changed, so the stamp is moved back by hand.
    await db.query(`update public.priority_suggestions set status_changed_at = now() - interval '400 days' where problem = $1`, [problem]);
    expect((await anon.rpc('purge_finished_suggestions')).error).not.toBeNull();
    expect((await clients.coordinator.rpc('purge_finished_suggestions')).error).not.toBeNull();
    const service = createClient(url, inject('stack').serviceRoleKey, { auth: { persistSession: false } });
    const { data, error } = await service.rpc('purge_finished_suggestions');
    expect(error).toBeNull();
    expect(data).toBeGreaterThanOrEqual(1);
    expect(await statusOf(receipt)).toMatchObject({ status: 'adopted', publicReply: null });
    const { rows } = await db.query(`select problem, public_reply, purged_at from public.priority_suggestions where problem = $1`, [problem]);
    expect(rows).toEqual([]);
    expect((await db.query(`select count(*)::int as n from public.priority_suggestions where problem like '(removed%' and purged_at is not null and beat = '101'`)).rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('the suggestion’s rules are the same in the form and in the database', () => {
  const publishedBeats = new Set(['101', '201']);

  /** Whether suggest_priority's field checks take it: it then asks for the proof of work these calls lack, and stores nothing. */
  async function databaseAccepts(beat: string, problem: string): Promise<boolean> {
    await db.query('begin');
    try {
      await db.query('select public.suggest_priority($1, $2, $3)', [beat, problem, crypto.randomUUID()]);
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
  const character = fc.oneof(fc.constantFrom(' ', '\t', '\n', '\u00a0', 'a', 'ñ', '🚗', '漢', '-'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }));
  const problem = fc.oneof(
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    around(problemLength.min).chain((n) => fc.array(character, { minLength: n, maxLength: n }).map((chars) => chars.join(''))),
    around(problemLength.max).chain((n) => fc.tuple(fc.constantFrom('a', '🚗', 'ñ'), fc.constantFrom('', ' ', '\n  ')).map(([c, pad]) => pad + c.repeat(n) + pad)),
  );
  // The form offers only published beats; anything else must be refused by both, or by the database.
  const beat = fc.oneof(fc.constantFrom('101', '201', '', ' 101', '101 ', 'beat 101', `zz-${run}`, '../101'), fc.string({ maxLength: 12 }));

  it('on thousands of generated suggestions', async () => {
    await fc.assert(
      fc.asyncProperty(beat, problem, async (b, p) => {
        // The form sends its trimmed text (see tipRules.test.ts on the spaces only it trims).
        const sent = p.trim();
        const formAccepts = Object.keys(suggestionErrors({ beat: b, problem: sent })).length === 0 && publishedBeats.has(b);
        expect({ beat: b, accepted: await databaseAccepts(b, sent) }).toEqual({ beat: b, accepted: formAccepts });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('“this matters to me too”', () => {
  const support = (priorityId: string, key = crypto.randomUUID()) => callSubmission<{ supporters: number }>(anon, 'support_priority', { priority_id: priorityId, idempotency_key: key });

  it('counts a click on a published, open priority once, however often it is retried', async () => {
    const key = crypto.randomUUID();
    expect(await support(priority.lighting, key)).toEqual({ kind: 'stored', result: { supporters: 1 } });
    expect(await support(priority.lighting, key)).toEqual({ kind: 'stored', result: { supporters: 1 } });
    expect(await support(priority.lighting)).toEqual({ kind: 'stored', result: { supporters: 2 } });
  });

  it('is refused for a draft priority, a closed one and one that does not exist, and counts nothing', async () => {
    await save('coordinator', 'priority', priorityItem(priority.closed, { reviewBy: undefined, outcome: { result: 'resolved', text: 'The lot was fenced.', closed: '2026-11-30' } }), { create: true });
    await save('coordinator', 'priority', { priority_id: priority.closed, published: true });
    for (const id of [priority.district, priority.closed, `nothing-${run}`]) {
      expect({ id, outcome: await support(id) }).toMatchObject({ id, outcome: { kind: 'invalid', field: 'priority_id' } });
    }
    const { rows } = await db.query(`select count(*)::int as n from public.priority_support where priority_id = any($1)`, [[priority.district, priority.closed]]);
    expect(rows[0].n).toBe(0);
  });

  it('lets residents count the clicks on a published priority, and keeps nothing else to read: no time, no key, no who', async () => {
    const counted = await anon.from('priority_support').select('priority_id').eq('priority_id', priority.lighting);
    expect(counted.data).toHaveLength(2);
    for (const column of ['support_id', 'idempotency_hash', 'created_at', '*']) {
      expect({ column, code: (await anon.from('priority_support').select(column).limit(1)).error?.code }).toEqual({ column, code: '42501' });
    }
    const { rows } = await db.query(
      `select array_agg(column_name::text order by column_name) as columns from information_schema.columns where table_schema = 'public' and table_name = 'priority_support'`,
    );
    expect(rows[0].columns).toEqual(['created_at', 'idempotency_hash', 'priority_id', 'support_id']);
  });
});
