// A conversation about a tip, a watch group's registration or a workshop
// request, as staff and the resident meet it: an officer of the item's beat
// asks, the resident reads it with the receipt code and answers once, staff
// see the answer unread until someone opens the item, and no email holds what
// either wrote.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConversation, replyToStaff } from '../../src/lib/forms/conversation.ts';
import { callSubmission } from '../../src/lib/forms/submission.ts';
import { mailTo, waitForMailTo, wholeMessage } from '../support/mail.ts';
import { proofFor } from '../support/proofs.ts';
import { officersInAndOutOf101, signedInStaff } from '../support/staffClients.ts';
import { workshopRequestFields } from '../support/submissions.ts';

const { url, anonKey, databaseUrl, mailFolder } = inject('stack');
const db = new pg.Client({ connectionString: databaseUrl });
const run = crypto.randomUUID().slice(0, 8);
const marker = `Talk ${run}`;
const emailOf = (who: string) => `${who}-${run}@staff.example.org`;
const tipsterEmail = `tipster-${run}@example.org`;
const anon = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
let staff: Record<'officer101' | 'otherBeat', SupabaseClient>;

const whole = wholeMessage;
const waitForMail = (address: string, count = 1) => waitForMailTo(mailFolder, address, count);

beforeAll(async () => {
  await db.connect();
  const officers = await officersInAndOutOf101(db);
  staff = await signedInStaff(
    db,
    { url, anonKey },
    { officer101: { role: 'officer', officer_slug: officers.serving }, otherBeat: { role: 'officer', officer_slug: officers.elsewhere } },
    emailOf,
  );
  const { error } = await staff.officer101.rpc('save_staff_notifications', { deliveries: { reply: 'immediately' }, language: 'en' });
  expect(error).toBeNull();
});
afterAll(() => db.end());

/** A beat-101 tip as the form sends it: its id and the receipt code the resident keeps. */
async function tipIn101(extra: Record<string, unknown> = {}): Promise<{ tipId: string; receipt: string }> {
  const text = `${marker} ${crypto.randomUUID()}: the blue van at 1200 W Birch St sells every night.`;
  const outcome = await callSubmission<{ receipt: string }>(anon, 'submit_tip', { category: 'drug_activity', description: text, beat: '101', idempotency_key: crypto.randomUUID(), ...extra });
  if (outcome.kind !== 'stored') throw new Error(`the tip was not stored: ${JSON.stringify(outcome)}`);
  const { rows } = await db.query<{ tip_id: string }>(`select tip_id from public.tips where description = $1`, [text]);
  return { tipId: rows[0]!.tip_id, receipt: outcome.result.receipt };
}

const messagesOf = async (receipt: string) => {
  const outcome = await loadConversation(anon, receipt);
  if (outcome.kind !== 'found') throw new Error(`no conversation: ${JSON.stringify(outcome)}`);
  return outcome.messages.map(({ author, body }) => ({ author, body }));
};

const unreadOf = async (client: SupabaseClient, tipId: string) =>
  (await client.from('conversation_messages').select('message_id').eq('kind', 'tip').eq('item_id', tipId).eq('from_staff', false).is('read_at', null)).data ?? [];

describe('a conversation about a tip', () => {
  it('lets an officer of the beat ask, and no officer of another beat', async () => {
    const { tipId, receipt } = await tipIn101();
    const asked = await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: '  Which night did you last see the van?  ' });
    expect(asked.error).toBeNull();
    const refused = await staff.otherBeat.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Is the van still there?' });
    expect(refused.error).toMatchObject({ code: '22023', details: 'item_id' });
    // Nor does anyone without a sign-in ask.
    expect((await anon.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Is the van still there?' })).error).not.toBeNull();
    expect(await messagesOf(receipt)).toEqual([{ author: 'staff', body: 'Which night did you last see the van?' }]);

    // The question is in the tip's history, in the officer's name.
    const { data: history } = await staff.officer101.from('staff_history').select('field, note, changed_by_email').eq('kind', 'tip').eq('item_id', tipId).eq('field', 'question');
    expect(history).toEqual([{ field: 'question', note: 'Which night did you last see the van?', changed_by_email: emailOf('officer101') }]);
    // The other beat's officer sees neither the conversation nor its history.
    expect((await staff.otherBeat.from('conversation_messages').select('body').eq('item_id', tipId)).data).toEqual([]);
  });

  it('shows the resident only their own item’s messages, and a wrong or malformed code nothing', async () => {
    const mine = await tipIn101();
    const theirs = await tipIn101();
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: mine.tipId, body: 'Mine: what colour was the van?' });
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: theirs.tipId, body: 'Theirs: how many people?' });
    expect(await messagesOf(mine.receipt.toLowerCase().replaceAll('-', ' '))).toEqual([{ author: 'staff', body: 'Mine: what colour was the van?' }]);
    expect(await messagesOf('ABCD-EFGH-JKMN-PQRS')).toEqual([]);
    expect(await messagesOf('not a code')).toEqual([]);
    // Anon reads nothing of the table itself.
    expect((await anon.from('conversation_messages').select('body')).data ?? []).toEqual([]);
    // The answer says who and when (to the minute) and what, nothing else.
    const { data } = await anon.rpc('conversation', { receipt: mine.receipt });
    expect(Object.keys((data as object[])[0]!).sort()).toEqual(['author', 'body', 'written_at']);
    expect(new Date((data as Array<{ written_at: string }>)[0]!.written_at).getUTCSeconds()).toBe(0);
  });

  it('takes the resident’s answer once per retry key, only while a question waits, with good text and a proof', async () => {
    const { tipId, receipt } = await tipIn101();
    // No question yet: nothing to answer.
    expect(await replyToStaff(anon, receipt, 'Here is more.', crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'question' });
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Which night?' });

    // Bad text, a wrong code, no proof: refused, and nothing stored.
    expect(await replyToStaff(anon, receipt, '   \n ', crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'body' });
    expect(await replyToStaff(anon, receipt, 'x'.repeat(5001), crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'body' });
    expect(await replyToStaff(anon, 'ABCD-EFGH-JKMN-PQRS', 'Tuesday.', crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'receipt' });
    const noProof = await anon.rpc('reply_to_staff', { receipt, body: 'Tuesday.', idempotency_key: crypto.randomUUID() });
    expect(noProof.error).toMatchObject({ code: '22023', details: 'proof' });
    const forged = await anon.rpc('reply_to_staff', { receipt, body: 'Tuesday.', idempotency_key: crypto.randomUUID(), proof: await proofFor(db, 'submit_tip', crypto.randomUUID()) });
    expect(forged.error).toMatchObject({ code: '22023', details: 'proof' });
    expect(await messagesOf(receipt)).toEqual([{ author: 'staff', body: 'Which night?' }]);

    // The answer, sent twice with one key (a lost response): stored once.
    const key = crypto.randomUUID();
    expect(await replyToStaff(anon, receipt, ' Tuesday, about 11 pm. ', key)).toEqual({ kind: 'stored', result: { stored: true } });
    expect(await replyToStaff(anon, receipt, ' Tuesday, about 11 pm. ', key)).toEqual({ kind: 'stored', result: { stored: true } });
    expect(await messagesOf(receipt)).toEqual([
      { author: 'staff', body: 'Which night?' },
      { author: 'resident', body: 'Tuesday, about 11 pm.' },
    ]);
    // Answered: a second answer waits for a second question.
    expect(await replyToStaff(anon, receipt, 'And Wednesday.', crypto.randomUUID())).toMatchObject({ kind: 'invalid', field: 'question' });

    // In the history: that the resident answered, not what (the history outlives the retention purge).
    const { data: history } = await staff.officer101.from('staff_history').select('field, note, changed_by').eq('kind', 'tip').eq('item_id', tipId).eq('field', 'answer');
    expect(history).toEqual([{ field: 'answer', note: null, changed_by: null }]);
  });

  it('marks the answer unread for the team until a staff member of the beat opens the tip', async () => {
    const { tipId, receipt } = await tipIn101();
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Which night?' });
    expect(await unreadOf(staff.officer101, tipId)).toEqual([]);
    await replyToStaff(anon, receipt, 'Tuesday.', crypto.randomUUID());
    expect(await unreadOf(staff.officer101, tipId)).toHaveLength(1);
    // Another beat's officer can neither see it nor mark it.
    expect(await unreadOf(staff.otherBeat, tipId)).toEqual([]);
    expect((await staff.otherBeat.rpc('mark_conversation_read', { kind: 'tip', item_id: tipId })).error).toMatchObject({ details: 'item_id' });
    expect((await staff.officer101.rpc('mark_conversation_read', { kind: 'tip', item_id: tipId })).data).toBe(1);
    expect(await unreadOf(staff.officer101, tipId)).toEqual([]);
  });

  it('tells a tipster who gave an email that a message waits, in their language, never the message', async () => {
    const { tipId } = await tipIn101({ contact_email: tipsterEmail, contact_language: 'es' });
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: `${marker}: did the driver wear a red cap?` });
    const [message] = await waitForMail(tipsterEmail);
    expect(message!.subject).toBe('Hay un mensaje nuevo sobre su aviso');
    expect(message!.text).toContain(`${url}/es/tip/status`);
    for (const secret of [marker, 'red cap', 'blue van', 'Birch', emailOf('officer101')]) expect(whole(message!)).not.toContain(secret);
    // One question, one notice.
    const { rows } = await db.query(`select count(*)::int as n from private.mail_outbox where template = 'resident_new_message' and recipient = $1`, [tipsterEmail]);
    expect(rows[0].n).toBe(1);
  });

  it('tells staff who chose it that a resident answered: the kind, the beat and a link, none of the answer', async () => {
    const { tipId, receipt } = await tipIn101();
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Which night?' });
    const before = (await mailTo(mailFolder, emailOf('officer101'))).filter((m) => m.subject.includes('answer')).length;
    await replyToStaff(anon, receipt, `${marker}: Tuesday, I am Ana Ruiz.`, crypto.randomUUID());
    await expect.poll(async () => (await mailTo(mailFolder, emailOf('officer101'))).filter((m) => m.subject.includes('answer')).length, { timeout: 30_000, interval: 200 }).toBe(before + 1);
    const message = (await mailTo(mailFolder, emailOf('officer101'))).filter((m) => m.subject.includes('answer')).at(-1)!;
    expect(message.subject).toBe('New answer from a resident in beat 101');
    expect(message.text).toContain(`${url}/staff#tip/${tipId}`);
    for (const secret of [marker, 'Tuesday', 'Ana Ruiz', 'blue van']) expect(whole(message)).not.toContain(secret);
  });
});

describe('the retention purge of a tip', () => {
  it('takes its conversation with it, and no new one begins; the history keeps that a question was asked and answered', async () => {
    const { tipId, receipt } = await tipIn101();
    await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Which night?' });
    await replyToStaff(anon, receipt, `${marker}: Tuesday.`, crypto.randomUUID());
    // As purge_closed_tips() marks a tip it purged (called here on this tip alone, not on other files' tips).
    await db.query(`update public.tips set purged_at = now() where tip_id = $1`, [tipId]);
    expect(await messagesOf(receipt)).toEqual([]);
    const { rows } = await db.query(`select count(*)::int as n from public.conversation_messages where item_id = $1`, [tipId]);
    expect(rows[0].n).toBe(0);
    const { data: history } = await staff.officer101.from('staff_history').select('field').eq('item_id', tipId).in('field', ['question', 'answer']).order('history_id');
    expect(history).toEqual([{ field: 'question' }, { field: 'answer' }]);
    // And nobody can start another: it would outlive the purge.
    expect((await staff.officer101.rpc('ask_resident', { kind: 'tip', item_id: tipId, body: 'Anything else?' })).error).toMatchObject({ details: 'item_id' });
  });
});

describe('a conversation about a workshop request', () => {
  it('works the same way with the request’s receipt code', async () => {
    const outcome = await callSubmission<{ receipt: string }>(anon, 'request_workshop', { ...workshopRequestFields(marker), beat: '101', idempotency_key: crypto.randomUUID() });
    if (outcome.kind !== 'stored') throw new Error('the request was not stored');
    const { rows } = await db.query<{ workshop_request_id: string }>(`select workshop_request_id from public.workshop_requests where business_name = $1`, [`${marker} Grocery`]);
    const requestId = rows[0]!.workshop_request_id;
    expect((await staff.officer101.rpc('ask_resident', { kind: 'workshop_request', item_id: requestId, body: 'Is a Saturday possible?' })).error).toBeNull();
    expect(await replyToStaff(anon, outcome.result.receipt, 'Yes, any Saturday morning.', crypto.randomUUID())).toMatchObject({ kind: 'stored' });
    expect(await messagesOf(outcome.result.receipt)).toEqual([
      { author: 'staff', body: 'Is a Saturday possible?' },
      { author: 'resident', body: 'Yes, any Saturday morning.' },
    ]);
  });
});
