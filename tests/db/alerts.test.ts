// Beat alerts as a resident and a mail client meet them: subscribing (double
// opt-in, the same answer for a new and a known address), confirming,
// unsubscribing, the purge of subscriptions never confirmed, and the alerts a
// publish sends: one message per subscriber, with only their topics and area.
// Composing is driven as a build pipeline drives it: a content change, then
// finish_publish_requests(..., 'published') for the request it left.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { linksIn, mailTo, type CaughtMessage } from '../support/mail.ts';
import { proofFor } from '../support/proofs.ts';
import { signedInStaff } from '../support/staffClients.ts';

const { url, anonKey, serviceRoleKey, databaseUrl, mailFolder } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const address = (who: string) => `alerts-${who}-${run}@example.org`;
const meetingId = `alerts-test-${run}`;
let staffToken: string;

beforeAll(async () => {
  await db.connect();
  const { coordinator } = await signedInStaff(db, { url, anonKey }, { coordinator: { role: 'coordinator' } }, (who) => `${who}-alerts-${run}@staff.example.org`);
  staffToken = (await coordinator.auth.getSession()).data.session!.access_token;
});
afterAll(async () => {
  await db.query('delete from public.meetings where meeting_id = $1', [meetingId]);
  await db.end();
});

const rpc = (fn: string, body: unknown, token = anonKey) =>
  fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

interface Subscription {
  email: string;
  beat?: string;
  district?: string;
  topics?: string[];
  delivery?: string;
  language?: string;
}

async function subscribe({ email, beat, district, topics = ['meeting_changes', 'new_meetings'], delivery = 'each_publish', language = 'en' }: Subscription) {
  const idempotency_key = crypto.randomUUID();
  const proof = await proofFor(db, 'subscribe_to_alerts', idempotency_key);
  const response = await rpc('subscribe_to_alerts', { email, language, topics, delivery, idempotency_key, proof, ...(beat && { beat }), ...(district && { district }) });
  return { status: response.status, body: await response.json() };
}

/** Waits for the nth message (from 1) to an address, as a mail client shows it. */
async function message(email: string, nth = 1): Promise<CaughtMessage> {
  await expect.poll(async () => (await mailTo(mailFolder, email)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(nth);
  return (await mailTo(mailFolder, email))[nth - 1]!;
}

const confirmToken = (mail: CaughtMessage) => /\/alerts\/confirm\/\?token=([0-9a-f]{64})/.exec(mail.text)?.[1];
const manageToken = (mail: CaughtMessage) => /\/alerts\/manage\/\?token=([0-9a-f]{96})/.exec(mail.text)?.[1];

async function subscribed(email: string) {
  const { rows } = await db.query('select beat_id, district_id, topics, delivery, confirmed_at from private.alert_subscriptions where email = $1', [email]);
  return rows;
}

/** Subscribes and confirms from the emailed link, as a resident does; the manage token the confirmation answers with. */
async function confirmedSubscriber(subscription: Subscription): Promise<string> {
  await subscribe(subscription);
  const mail = await message(subscription.email);
  const response = await rpc('confirm_alerts', { token: confirmToken(mail) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A content change in one transaction: the publish request it left. */
async function change(sql: string, params: unknown[] = []): Promise<number> {
  await db.query('begin');
  try {
    await db.query(sql, params);
    const { rows } = await db.query('select publish_request_id from private.publish_requests where transaction_id = pg_current_xact_id()');
    await db.query('commit');
    return Number(rows[0].publish_request_id);
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/** A publish of these requests recorded as published, as a build pipeline records it. */
async function published(requests: number[]) {
  const finished = await fetch(`${url}/rest/v1/rpc/finish_publish_requests`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ids: requests, outcome: 'published' }),
  });
  expect(finished.status).toBe(200);
}

/** A content change, then its publish recorded as published: what the alerts see. */
async function publishChange(sql: string, params: unknown[] = []) {
  await published([await change(sql, params)]);
}

describe('beat alert subscriptions', () => {
  it('are readable by neither the public nor staff, through the API or in SQL as their roles', async () => {
    await subscribe({ email: address('hidden'), beat: '101' });
    for (const token of [anonKey, staffToken]) {
      for (const table of ['alert_subscriptions', 'alert_digest_items', 'alert_requests']) {
        const response = await fetch(`${url}/rest/v1/${table}?select=*`, { headers: { apikey: anonKey, authorization: `Bearer ${token}`, 'accept-profile': 'private' } });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(await response.text()).not.toContain('@example.org');
      }
    }
    for (const role of ['anon', 'authenticated']) {
      await db.query('begin');
      try {
        await db.query(`set local role ${role}`);
        await expect(db.query('select * from private.alert_subscriptions')).rejects.toThrow(/permission denied/);
      } finally {
        await db.query('rollback');
      }
    }
  });

  it('answer a new address and an already confirmed one alike, and tell only the inbox which it was', async () => {
    const known = address('known');
    await confirmedSubscriber({ email: known, beat: '101' });
    const fresh = address('fresh');
    const first = await subscribe({ email: fresh, beat: '101' });
    const again = await subscribe({ email: known.toUpperCase(), beat: '101' });
    expect(again).toEqual(first);
    expect(first).toEqual({ status: 200, body: { status: 'check_your_email' } });

    const confirmation = await message(fresh);
    expect(confirmation.subject).toBe('Confirm your alerts for beat 101 (Beat 101)');
    expect(confirmToken(confirmation)).toBeTruthy();
    const already = await message(known, 2);
    expect(already.subject).toBe('You are already subscribed to alerts for beat 101 (Beat 101)');
    expect(confirmToken(already)).toBeUndefined();
    expect(manageToken(already)).toBeTruthy();
    expect(already.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The known subscription is as it was: one row, still confirmed.
    expect(await subscribed(known)).toHaveLength(1);
  });

  it('refuse a wrong field by name and store nothing', async () => {
    const email = address('wrong');
    for (const [fields, field] of [
      [{ email: 'not an address', beat: '101' }, 'email'],
      [{ email, beat: 'no-such-beat' }, 'beat'],
      [{ email, beat: '101', topics: [] }, 'topics'],
      [{ email, beat: '101', topics: ['gossip'] }, 'topics'],
      [{ email, beat: '101', delivery: 'hourly' }, 'delivery'],
      [{ email, beat: '101', district: '1' }, 'area'],
    ] as Array<[Subscription, string]>) {
      const { status, body } = await subscribe(fields);
      expect({ status, field: body.details }).toEqual({ status: 400, field });
    }
    expect(await subscribed(email)).toEqual([]);
  });

  it('are confirmed from the emailed link, and deleted by the unsubscribe link, address and all', async () => {
    const email = address('confirm');
    await subscribe({ email, beat: '101' });
    expect((await subscribed(email))[0].confirmed_at).toBeNull();
    const token = await (async () => {
      const response = await rpc('confirm_alerts', { token: confirmToken(await message(email)) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { beat: string; token: string }).token;
    })();
    expect((await subscribed(email))[0].confirmed_at).not.toBeNull();

    const shown = await rpc('alert_subscription', { token });
    expect(await shown.json()).toMatchObject({ beat: '101', topics: ['meeting_changes', 'new_meetings'], delivery: 'each_publish' });
    const changed = await rpc('update_alerts', { token, topics: ['priorities'], delivery: 'daily', language: 'es' });
    expect(await changed.json()).toMatchObject({ topics: ['priorities'], delivery: 'daily', language: 'es' });

    expect(await (await rpc('unsubscribe_alerts', { token })).json()).toEqual({ unsubscribed: true });
    expect(await subscribed(email)).toEqual([]);
    // A second click says the same; the manage page's link no longer opens anything.
    expect((await rpc('unsubscribe_alerts', { token })).status).toBe(200);
    expect((await rpc('alert_subscription', { token })).status).toBe(400);
  });

  it('are deleted when never confirmed within 3 days; confirmed ones stay', async () => {
    const pending = address('pending');
    const kept = address('kept');
    await subscribe({ email: pending, beat: '102' });
    await confirmedSubscriber({ email: kept, beat: '102' });
    await db.query(`update private.alert_subscriptions set created_at = now() - interval '3 days 1 minute' where email = any ($1)`, [[pending, kept]]);
    const purge = await fetch(`${url}/rest/v1/rpc/purge_alert_subscriptions`, {
      method: 'POST',
      headers: { apikey: anonKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(purge.status).toBe(200);
    expect(await subscribed(pending)).toEqual([]);
    expect(await subscribed(kept)).toHaveLength(1);
    // Not the public's to call.
    expect((await rpc('purge_alert_subscriptions', {})).status).toBeGreaterThanOrEqual(400);
  });

  it('are counted per beat for staff, who never see an address', async () => {
    await confirmedSubscriber({ email: address('counted'), beat: '103' });
    const response = await rpc('alert_subscriber_counts', {}, staffToken);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain('@');
    expect((JSON.parse(text) as Array<{ beat_id: string; subscribers: number }>).find((row) => row.beat_id === '103')!.subscribers).toBeGreaterThanOrEqual(1);
    expect((await rpc('alert_subscriber_counts', {})).status).toBeGreaterThanOrEqual(400);
  });
});

describe('beat alerts after a publish', () => {
  it('send each subscriber one message listing only their topics in their area, and the daily ones nothing until the digest', async () => {
    const cancellations = address('cancellations');
    const newMeetings = address('new-meetings');
    const district = address('district');
    const elsewhere = address('elsewhere');
    const daily = address('daily');
    const manage = await confirmedSubscriber({ email: cancellations, beat: '101', topics: ['meeting_changes'] });
    await confirmedSubscriber({ email: newMeetings, beat: '101', topics: ['new_meetings', 'priorities'] });
    await confirmedSubscriber({ email: district, district: '1', topics: ['meeting_changes'], language: 'es' });
    await confirmedSubscriber({ email: elsewhere, beat: '201', topics: ['meeting_changes', 'new_meetings'] });
    await confirmedSubscriber({ email: daily, beat: '101', topics: ['meeting_changes'], delivery: 'daily' });

    // A new meeting in beat 101 and, in the same publish, two of its dates cancelled and moved.
    await publishChange(
      `with meeting as (
         insert into public.meetings (meeting_id, title, kind, beats, venue_name, venue_address, venue_lon, venue_lat,
                                      schedule_start, schedule_duration_minutes, schedule_rrule, published)
         values ($1, 'Alerts test walk', 'beat_meeting', '{101}', 'Larch Community Center', '220 E Dunlin St', -88.257, 41.0997,
                 '2027-01-05T18:00', 60, 'FREQ=WEEKLY;BYDAY=TU', true)
         returning meeting_id)
       select 1 from meeting`,
      [meetingId],
    );
    await publishChange(
      `insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, moved_to, note, published)
       values ($1, 0, '2027-01-12', 'cancelled', null, 'Snow emergency', true),
              ($1, 1, '2027-01-19', 'moved', '2027-01-20T18:00', null, true)`,
      [meetingId],
    );

    const first = await message(cancellations, 2);
    expect(first.subject).toBe('2 updates for beat 101 (Beat 101)');
    expect(first.text).toContain('Cancelled: Alerts test walk on 2027-01-12 (Snow emergency)');
    expect(first.text).toContain('Moved: Alerts test walk of 2027-01-19, now 2027-01-20 18:00');
    expect(first.text).not.toContain('New meeting');
    expect(linksIn(first)).toContain(`${url}/beats/101/`);
    expect(linksIn(first)).toContain(`${url}/functions/v1/alerts?token=${manage}`);
    expect(first.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(String(first.headers.get('list-unsubscribe'))).toContain(`/functions/v1/alerts?token=${manage}`);

    const news = await message(newMeetings, 2);
    expect(news.text).toContain('New meeting: Alerts test walk, from 2027-01-05 18:00 at Larch Community Center');
    expect(news.text).not.toContain('Cancelled');

    const spanish = await message(district, 2);
    expect(spanish.subject).toBe('2 novedades del distrito 1 (1st District)');
    expect(spanish.text).toContain('Cancelada: Alerts test walk del 2027-01-12');
    expect(linksIn(spanish)).toContain(`${url}/es/districts/1/`);

    // Once each, however the sender is called again; nothing for another beat or the digest subscriber yet.
    await expect.poll(async () => (await mailTo(mailFolder, cancellations)).length).toBe(2);
    expect((await mailTo(mailFolder, newMeetings)).length).toBe(2);
    expect((await mailTo(mailFolder, district)).length).toBe(2);
    expect((await mailTo(mailFolder, elsewhere)).length).toBe(1);
    expect((await mailTo(mailFolder, daily)).length).toBe(1);

    // The digest, when its hour has come: everything since confirming, in one message.
    await db.query(`update private.alert_subscriptions set digest_through = now() - interval '2 days' where email = $1`, [daily]);
    const digests = await fetch(`${url}/rest/v1/rpc/queue_alert_digests`, {
      method: 'POST',
      headers: { apikey: anonKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(digests.status).toBe(200);
    const digest = await message(daily, 2);
    expect(digest.subject).toBe('Daily digest: 2 updates for beat 101 (Beat 101)');
    expect(digest.text).toContain('Cancelled: Alerts test walk on 2027-01-12');
  });

  it('alert a change once, in the window of the publish that put it on the site', async () => {
    const email = address('once');
    await confirmedSubscriber({ email, beat: '101', topics: ['meeting_changes'] });
    await publishChange(
      `insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, note, published)
       values ($1, 2, '2027-02-02', 'cancelled', 'Venue closed', true)`,
      [meetingId],
    );
    const alert = await message(email, 2);
    expect(alert.text).toContain('Cancelled: Alerts test walk on 2027-02-02 (Venue closed)');
    expect(alert.text).not.toContain('2027-01-12');
    // A publish with nothing new for them sends nothing more.
    await publishChange(`update public.meetings set venue_accessibility = 'Step-free' where meeting_id = $1`, [meetingId]);
    const count = (await mailTo(mailFolder, email)).length;
    expect(count).toBe(2);
  });

  it('alert a change made while a build runs after the next publish, not the one under way', async () => {
    const email = address('during-build');
    await confirmedSubscriber({ email, beat: '101', topics: ['meeting_changes'] });
    const before = await change(
      `insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, note, published) values ($1, 3, '2027-03-02', 'cancelled', 'Before the build', true)`,
      [meetingId],
    );
    // The build takes that change in (as claim_publish_requests marks it), and then another is made.
    await db.query('update private.publish_requests set started_at = now() where publish_request_id = $1', [before]);
    const during = await change(
      `insert into public.meeting_exceptions (meeting_id, position, occurrence_date, status, note, published) values ($1, 4, '2027-03-09', 'cancelled', 'During the build', true)`,
      [meetingId],
    );
    await published([before]);
    const first = await message(email, 2);
    expect(first.text).toContain('Before the build');
    expect(first.text).not.toContain('During the build');
    await published([during]);
    const second = await message(email, 3);
    expect(second.text).toContain('During the build');
    expect(second.text).not.toContain('Before the build');
  });
});
