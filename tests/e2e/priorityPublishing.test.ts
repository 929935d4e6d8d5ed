// A beat priority's whole life, from a resident's suggestion to its outcome,
// reaching everything residents read with no command run, on a stack of this
// file's own that publishes as `npm start` does. The officer of beat 101 acts
// through the data API as the workspace does (tests/e2e/priorityDesk.test.ts
// drives the same steps through the workspace's screens): a resident suggests
// a problem, the officer makes it a priority, posts updates through the SARA
// stages, reports on a meeting that reviewed it, and closes it with an
// outcome. After each publish, the beat's page and the priority's page in both
// languages, the finder's answer, the open data and the beat's Atom feed say
// so; an officer of beat 201 can change none of it. Waits are bounds on a hang
// (a build on a busy two-core machine), never timings.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitSuggestion } from '../../src/features/suggestions/submitSuggestion.ts';
import { lookUpSuggestion } from '../../src/features/suggestions/suggestionStatus.ts';
import { accessibilityViolations } from '../support/axe.ts';
import { publishingSite, type PublishingSite } from '../support/publishingSite.ts';

const publishBound = { timeout: 150_000, interval: 1_000 };
const run = crypto.randomUUID().slice(0, 6);
const id = `101-crane-st-speeding-${run}`;
const title = `Speeding on Crane St before school (${run})`;
const updates = {
  analysis: `Speed counts on Crane St: a third of drivers over the limit (${run}).`,
  response: `Enforcement at school times and a speed display sign (${run}).`,
  assessment: `Drivers over the limit down from a third to a sixth (${run}).`,
};
const outcome = `Speeds stayed down after enforcement ended (${run}).`;

let site: PublishingSite;
let url: string;
let officer101: SupabaseClient;
let officer201: SupabaseClient;
let anon: SupabaseClient;

beforeAll(async () => {
  site = await publishingSite('priorities');
  ({ url } = site.stack.info);
  const { anonKey, staffPassword } = site.stack.info;
  const signedIn = async (email: string) => {
    const client = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const { error } = await client.auth.signInWithPassword({ email, password: staffPassword });
    if (error) throw error;
    return client;
  };
  anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  officer101 = await signedIn('officer.beat101@staff.alderbrook.example');
  officer201 = await signedIn('officer.beat201@staff.alderbrook.example');
}, 300_000);
afterAll(() => site?.close());

const text = async (address: string) => {
  const response = await fetch(`${url}${address}`);
  return response.ok ? response.text() : '';
};
const json = async (address: string) => JSON.parse(await text(address));
const feedEntries = async (prefix: string) => {
  const { feed } = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await text(`${prefix}/beats/101/updates.atom`));
  return (feed.entry ?? []) as Array<{ title: string; content: string | { '#text': string } }>;
};
const entryTitles = async (prefix: string) => (await feedEntries(prefix)).map((entry) => entry.title);
const itsCurrentPriorities = async () => ((await json('/finder/beats/101.json')).priorities as Array<{ id: string; stage: string }>).filter((p) => p.id === id);
const openData = async () => ((await json('/data/priorities.json')) as Array<{ id: string; stage: string; outcome: { result: string } | null }>).find((p) => p.id === id);

async function save(kind: string, item: Record<string, unknown>, create = false) {
  const { data, error } = await officer101.rpc('save_content', { kind, item, create });
  expect(error).toBeNull();
  return data;
}

describe('a beat priority from a resident’s suggestion to its outcome', () => {
  let receipt: string;

  it('a resident’s suggestion becomes a published priority of beat 101, on its pages in both languages, the finder’s answer, the open data and the feed', async () => {
    const sent = await submitSuggestion(anon, { beat: '101', problem: 'Cars race along Crane St before school, and children cross there.' }, crypto.randomUUID());
    if (sent.kind !== 'stored') throw new Error(`the suggestion was not stored: ${sent.kind}`);
    receipt = sent.result.receipt;
    const { data: suggestions } = await officer101.from('priority_suggestions').select('suggestion_id, problem').eq('beat', '101').eq('status', 'received');
    const suggestion = suggestions!.find((row) => row.problem.startsWith('Cars race along Crane St'))!;

    await save(
      'priority',
      {
        priority_id: id,
        title,
        description: 'Residents asked for the speeds on Crane St to be measured and the crossing made safer.',
        beats: ['101'],
        source: 'residents',
        stage: 'scanning',
        opened_on: '2026-11-10',
        review_on: '2027-01-12',
        published: true,
      },
      true,
    );
    expect((await officer101.rpc('answer_suggestion', { suggestion_id: suggestion.suggestion_id, priority_id: id })).error).toBeNull();

    await expect.poll(() => text('/beats/101/'), publishBound).toContain(title);
    expect(await text('/es/beats/101/')).toContain(title);
    expect(await text(`/priorities/${id}/`)).toContain('Scanning');
    expect(await text(`/es/priorities/${id}/`)).toContain('Identificación');
    expect(await itsCurrentPriorities()).toEqual([{ id, title, stage: 'scanning' }]);
    expect(await openData()).toMatchObject({ id, stage: 'scanning', outcome: null });
    expect(await entryTitles('')).toContainEqual(expect.stringContaining(title));
    // The resident follows it with the receipt, to the published priority.
    const status = await lookUpSuggestion(anon, receipt);
    expect(status).toMatchObject({ kind: 'found', found: { status: 'adopted', priorityId: id } });
  }, 300_000);

  it('an officer of another beat cannot change it, nor post an update to it', async () => {
    const changed = await officer201.rpc('save_content', { kind: 'priority', item: { priority_id: id, stage: 'response' } });
    expect(changed.error?.code).toBe('42501');
    const posted = await officer201.rpc('save_content', {
      kind: 'priority_update',
      item: { priority_id: id, position: 0, posted_on: '2026-11-20', stage: 'analysis', body: 'Not mine to say.', published: true },
      create: true,
    });
    expect(posted.error?.code).toBe('42501');
  });

  it('updates move it through analysis and response, and a meeting’s report says it was reviewed: the timeline, the stage and the report reach the site', async () => {
    const stages = ['analysis', 'response'] as const;
    for (const [position, stage] of stages.entries()) {
      await save('priority', { priority_id: id, stage });
      await save('priority_update', { priority_id: id, position, posted_on: `2026-11-${12 + position}`, stage, body: updates[stage], published: true }, true);
    }
    // A past beat-101 meeting with no report yet: the report says it reviewed the priority.
    const { data: reports } = await officer101.from('meeting_reports').select('occurrence_date').eq('meeting_id', 'beat-101');
    const reported = new Set((reports ?? []).map((report) => report.occurrence_date));
    const date = ['2026-11-10', '2026-10-13', '2026-09-08', '2026-08-11', '2026-07-14', '2026-06-09', '2026-05-12', '2026-04-14', '2026-03-10', '2026-02-10'].find((day) => !reported.has(day))!;
    await save(
      'meeting_report',
      { meeting_id: 'beat-101', occurrence_date: date, attendance: 23, concerns: ['Speeding on Crane St'], priorities_reviewed: [id], published: true },
      true,
    );

    // The report was saved last: once its page is there, so is everything saved before it.
    await expect.poll(() => text(`/meetings/reports/beat-101/${date}/`), publishBound).toContain(`/priorities/${id}`);
    const page = `/priorities/${id}/`;
    const html = await text(page);
    expect(html).toContain(updates.response);
    expect(html).toContain(updates.analysis);
    expect(html.indexOf(updates.analysis)).toBeLessThan(html.indexOf(updates.response));
    expect(await itsCurrentPriorities()).toEqual([{ id, title, stage: 'response' }]);
    expect(await openData()).toMatchObject({ stage: 'response' });
    const entries = await feedEntries('/es');
    expect(entries.map((entry) => entry.title)).toContainEqual(expect.stringContaining('Respuesta'));
    expect(JSON.stringify(entries)).toContain(updates.response);
    // The priority's page links the report that reviewed it, as the report's links the priority.
    expect(html).toContain(`/meetings/reports/beat-101/${date}`);

    const browser = site.browser;
    const tab = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    for (const address of [page, `/es${page}`, `/meetings/reports/beat-101/${date}/`]) {
      await tab.goto(`${url}${address}`);
      expect(await accessibilityViolations(tab), address).toEqual([]);
    }
    await tab.context().close();
  }, 300_000);

  it('assessed and closed with an outcome, it leaves the current priorities for the recently closed, with its outcome everywhere', async () => {
    await save('priority', { priority_id: id, stage: 'assessment' });
    await save('priority_update', { priority_id: id, position: 2, posted_on: '2026-12-01', stage: 'assessment', body: updates.assessment, published: true }, true);
    await save('priority', { priority_id: id, outcome: 'resolved', outcome_note: outcome, closed_on: '2026-12-05', review_on: null });

    await expect.poll(() => text(`/priorities/${id}/`), publishBound).toContain(outcome);
    const beatPage = await text('/beats/101/');
    const closedAt = beatPage.indexOf('Recently closed');
    expect(closedAt).toBeGreaterThan(-1);
    expect(beatPage.indexOf(title, closedAt)).toBeGreaterThan(closedAt);
    expect(await text(`/es/priorities/${id}/`)).toContain('Resuelta');
    expect(await itsCurrentPriorities()).toEqual([]);
    expect(await openData()).toMatchObject({ outcome: { result: 'resolved' } });
    expect(await entryTitles('')).toContainEqual(expect.stringContaining('Resolved'));
    // A closed priority's page carries no script: nothing left to say it matters.
    expect(await text(`/priorities/${id}/`)).not.toMatch(/<script\b/);
  }, 300_000);
});
