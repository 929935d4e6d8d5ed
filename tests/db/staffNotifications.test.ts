// Staff notifications as staff meet them: each chooses, per kind of new item
// in their scope, immediately, a daily digest, or none, and the email that
// arrives (in the local mail catcher, sent by the send-mail function the
// stack runs) says what kind of item arrived, in which beat, with a link to
// the workspace: never what the resident wrote.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { linksIn, mailTo, waitForMailTo, wholeMessage } from '../support/mail.ts';
import { officersInAndOutOf101, signedInStaff } from '../support/staffClients.ts';
import { watchRegistrationFields } from '../support/submissions.ts';

const { url, anonKey, databaseUrl, mailFolder } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const marker = `Notify ${run}`;
const emailOf = (who: string) => `${who}-${run}@staff.example.org`;
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
const who = ['immediate', 'spanish', 'none', 'daily', 'otherBeat'] as const;
let staff: Record<(typeof who)[number], SupabaseClient>;

const whole = wholeMessage;
const waitForMail = (address: string, count = 1) => waitForMailTo(mailFolder, address, count);

beforeAll(async () => {
  await db.connect();
  // An officer who serves beat 101, and one whose scope does not hold it.
  const officers = await officersInAndOutOf101(db);
  const officer101 = { role: 'officer', officer_slug: officers.serving };
  staff = await signedInStaff(
    db,
    { url, anonKey },
    { immediate: officer101, spanish: officer101, none: officer101, daily: officer101, otherBeat: { role: 'officer', officer_slug: officers.elsewhere } },
    emailOf,
  );
  const choose = async (client: SupabaseClient, tip: string, language = 'en') => {
    const { error } = await client.rpc('save_staff_notifications', { deliveries: { tip }, language });
    expect(error).toBeNull();
  };
  await choose(staff.immediate, 'immediately');
  await choose(staff.spanish, 'immediately', 'es');
  await choose(staff.none, 'none');
  await choose(staff.otherBeat, 'immediately');
  // `daily` keeps what every staff member starts with: the digest.
});
afterAll(() => db.end());

async function tipIn101(): Promise<string> {
  const outcome = await callSubmission(anon, 'submit_tip', {
    category: 'drug_activity',
    description: `${marker}: the blue van at 1200 W Birch St sells every night; I am Ana Ruiz.`,
    beat: '101',
    contact_email: `tipster-${run}@example.org`,
    idempotency_key: crypto.randomUUID(),
  });
  expect(outcome.kind).toBe('stored');
  const { rows } = await db.query<{ tip_id: string }>(`select tip_id from public.tips where starts_with(description, $1)`, [marker]);
  return rows[0]!.tip_id;
}

describe('staff notifications', () => {
  it('start as the daily digest for every kind, and each member reads and changes only their own', async () => {
    expect((await staff.daily.rpc('staff_notifications')).data).toEqual({ language: 'en', deliveries: { tip: 'daily', watch_group: 'daily', workshop_request: 'daily', suggestion: 'daily', reply: 'daily' } });
    expect((await staff.spanish.rpc('staff_notifications')).data).toEqual({ language: 'es', deliveries: { tip: 'immediately', watch_group: 'daily', workshop_request: 'daily', suggestion: 'daily', reply: 'daily' } });
    // Saving one kind leaves the others as they were.
    const saved = await staff.none.rpc('save_staff_notifications', { deliveries: { workshop_request: 'none' }, language: 'en' });
    expect(saved.data).toEqual({ language: 'en', deliveries: { tip: 'none', watch_group: 'daily', workshop_request: 'none', suggestion: 'daily', reply: 'daily' } });
    const { data: rows } = await staff.immediate.from('staff_notification_settings').select('user_id, deliveries');
    expect(rows).toHaveLength(1);
    expect(rows![0]!.deliveries).toEqual({ tip: 'immediately' });
    expect((await anon.from('staff_notification_settings').select('*')).data ?? []).toEqual([]);
    expect((await anon.rpc('staff_notifications')).error).not.toBeNull();
    expect((await anon.rpc('save_staff_notifications', { deliveries: { tip: 'none' }, language: 'en' })).error).not.toBeNull();
  });

  it('mails an officer of beat 101 who chose “immediately” about a new tip there: the kind, the beat and a link, none of the tip', async () => {
    const tipId = await tipIn101();
    const [message] = await waitForMail(emailOf('immediate'));
    expect(message!.subject).toBe('New tip or concern in beat 101');
    expect(message!.text).toContain('A new tip or concern arrived in beat 101.');
    expect(linksIn(message!)).toEqual([`${url}/staff#tip/${tipId}`]);
    expect(message!.html).toContain(`href="${url}/staff#tip/${tipId}"`);
    expect(message!.headers.get('content-language')).toBe('en');
    for (const secret of [marker, 'blue van', 'Birch', 'Ana Ruiz', `tipster-${run}`, 'drug']) expect(whole(message!)).not.toContain(secret);

    // In the language the officer chose.
    const [spanish] = await waitForMail(emailOf('spanish'));
    expect(spanish!.subject).toBe('Nuevo aviso o inquietud en el sector 101');
    expect(spanish!.headers.get('content-language')).toBe('es');
    expect(linksIn(spanish!)).toEqual([`${url}/staff#tip/${tipId}`]);

    // Nothing for the officer who chose none, for the one who chose the digest, nor for an officer of another beat:
    // nothing was even queued for them with the tip, and nothing came.
    const { rows } = await db.query(`select recipient from private.mail_outbox where recipient = any ($1)`, [[emailOf('none'), emailOf('daily'), emailOf('otherBeat')]]);
    expect(rows).toEqual([]);
    for (const quiet of ['none', 'daily', 'otherBeat']) expect(await mailTo(mailFolder, emailOf(quiet))).toEqual([]);
  });

  it('tells nobody about a kind they did not ask for at once: a watch registration waits for the digest', async () => {
    const before = (await mailTo(mailFolder, emailOf('immediate'))).length;
    const outcome = await callSubmission(anon, 'register_watch_group', { ...watchRegistrationFields(marker), beat: '101', idempotency_key: crypto.randomUUID() });
    expect(outcome.kind).toBe('stored');
    const { rows } = await db.query(`select template from private.mail_outbox where recipient = $1 and params ->> 'kind' = 'watch_group'`, [emailOf('immediate')]);
    expect(rows).toEqual([]);
    expect(await mailTo(mailFolder, emailOf('immediate'))).toHaveLength(before);
  });

  it('sends the digest once a day: counts by kind and beat, a link to the inbox, and none of what residents wrote', async () => {
    await tipIn101();
    await db.query('select public.queue_staff_digests()');
    const [digest] = await waitForMail(emailOf('daily'));
    expect(digest!.subject).toMatch(/^Daily digest: \d+ new items?$/);
    expect(digest!.text).toMatch(/- \d+ tips? or concerns? in beat 101/);
    expect(digest!.text).toMatch(/- \d+ watch group registrations? in beat 101/);
    expect(linksIn(digest!)).toEqual([`${url}/staff`]);
    expect(whole(digest!)).not.toContain(marker);
    // The officer of another beat hears of nothing in beat 101.
    for (const message of await mailTo(mailFolder, emailOf('otherBeat'))) expect(message.text).not.toContain('beat 101');
    // A second call the same day sends no second digest.
    await db.query('select public.queue_staff_digests()');
    const { rows } = await db.query(`select count(*)::int as n from private.mail_outbox where recipient = $1 and template = 'staff_digest'`, [emailOf('daily')]);
    expect(rows[0].n).toBe(1);
  });
});

describe('the notification functions under hostile input', () => {
  const hostile = fc.oneof(
    fc.constantFrom<unknown>(
      null, 12, true, 'immediately', [], ['tip'], { tip: 'sometimes' }, { tip: 1 }, { tip: null }, { tips: 'none' }, { replies: 'none' },
      { tip: 'none', admin: 'immediately' }, { "'; drop table public.tips; --": 'none' }, { tip: 'none\u0000' }, { tip: 'x'.repeat(100_000) },
      JSON.parse('['.repeat(2000) + ']'.repeat(2000)),
    ),
    fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), { minKeys: 1, maxKeys: 3 }),
  );
  const language = fc.constantFrom<unknown>(null, '', 'xx', 'english', 12, [], {}, '<script>', 'en\u0000', 'x'.repeat(10_000));

  it('refuses every broken choice with a 4xx and a message, and stores nothing', async () => {
    const before = (await staff.daily.rpc('staff_notifications')).data;
    const cases = [
      ...fc.sample(hostile, { numRuns: 150, seed: 16 }).map((deliveries) => ({ deliveries, language: 'en' })),
      ...fc.sample(language, { numRuns: 50, seed: 17 }).map((lang) => ({ deliveries: { tip: 'none' }, language: lang })),
      { language: 'en' },
      { deliveries: { tip: 'none' } },
      { deliveries: { tip: 'none' }, language: 'en', user_id: crypto.randomUUID() },
    ];
    const token = (await staff.daily.auth.getSession()).data.session!.access_token;
    for (const body of cases) {
      const response = await fetch(`${url}/rest/v1/rpc/save_staff_notifications`, {
        method: 'POST',
        headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as { message?: string };
      expect({ status: response.status >= 400 && response.status < 500, message: Boolean(answer.message) }, JSON.stringify(body).slice(0, 200)).toEqual({ status: true, message: true });
    }
    expect((await staff.daily.rpc('staff_notifications')).data).toEqual(before);
  });
});
