// The send-mail Edge Function: drains the outbox (private.mail_outbox, see the
// mail_outbox migration) over SMTP. On hosted Supabase, pg_cron calls it every
// minute and pg_net when mail is queued (README, "Email"); locally the stack's
// mail runner does (supabase/local/mailRunner.ts). Each call claims batches
// (claim_mail: a lease, so that a sender that dies leaves its claims to lapse
// and be taken again), renders each message (templates.ts), sends it, and
// marks it sent within milliseconds (those accepted meanwhile together): a
// sender killed mid-batch has marked everything it sent but the messages
// accepted in its last moments. Those go out again under the same
// Message-ID, which mail clients take as the same message. A failure gives the message back for a later attempt with
// backoff (mark_mail_failed).
//
// Secrets (supabase secrets set): SMTP_HOST, SMTP_PORT (465 is TLS from the
// start, any other port upgrades with STARTTLS when the server offers it),
// SMTP_USER and SMTP_PASS (when the server asks to sign in), MAIL_FROM (the
// From address: `OpenBeat <alerts@example.org>`), SITE_URL (the public site,
// whose /staff the links lead to). Called with the service-role key only.
import nodemailer from 'npm:nodemailer@10';
import { answer, env, serviceRoleRpc } from '../_shared/serviceRole.ts';
import { render, TemplateError } from './templates.ts';

interface Claimed {
  mail_id: number;
  lease: string;
  recipient: string;
  language: string;
  template: string;
  params: Record<string, unknown>;
  unsubscribe_url: string | null;
  attempts: number;
}

/** Messages taken per claim, and sent over this many connections at once. */
const batchSize = Number(env('MAIL_BATCH_SIZE') ?? 50);
const connections = Number(env('MAIL_CONNECTIONS') ?? 5);
/** How long a claim lasts: longer than a batch takes to send, short enough that a dead sender's messages wait little. */
const leaseSeconds = Number(env('MAIL_LEASE_SECONDS') ?? 120);
/** How long accepted messages wait to be marked sent together: what a sender killed meanwhile sends again. */
const markMs = Number(env('MAIL_MARK_MS') ?? 10);
/** How long one call keeps claiming; the schedule's next call takes the rest (Edge Functions have a wall-clock limit). */
const callSeconds = Number(env('MAIL_CALL_SECONDS') ?? 50);

function smtpTransport() {
  const host = env('SMTP_HOST');
  const from = env('MAIL_FROM');
  if (!host || !from) return undefined;
  const port = Number(env('SMTP_PORT') ?? 587);
  const user = env('SMTP_USER');
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: port === 465,
    ...(user && { auth: { user, pass: env('SMTP_PASS') ?? '' } }),
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
  });
  return { transport, from };
}

/**
 * Marks messages sent a few at a time: what the server accepted within markMs, in one call,
 * rather than one call a message. Each add resolves once its message is marked.
 */
function sentMarks(mark: (ids: number[]) => Promise<unknown>) {
  let pending: { ids: number[]; done: Promise<void> } | undefined;
  return {
    add(id: number): Promise<void> {
      if (!pending) {
        const ids: number[] = [];
        pending = {
          ids,
          done: new Promise((resolve) => setTimeout(resolve, markMs)).then(async () => {
            pending = undefined;
            await mark(ids);
          }),
        };
      }
      pending.ids.push(id);
      return pending.done;
    },
  };
}

/** A Message-ID of the outbox row's own: sent again after a crash, it is recognisably the same message. */
function messageId(mailId: number, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'openbeat.invalid';
  return `<outbox-${mailId}@${domain}>`;
}

Deno.serve(async (request) => {
  const caller = serviceRoleRpc(request);
  if (caller.refused) return caller.refused;
  const { rpc } = caller;
  const siteUrl = env('SITE_URL');
  const smtp = smtpTransport();
  if (!smtp || !siteUrl) return answer(500, { error: 'set SMTP_HOST, SMTP_PORT, MAIL_FROM and SITE_URL (and SMTP_USER, SMTP_PASS) with supabase secrets set' });

  const marks = sentMarks((ids) => rpc('mark_mail_sent', { mail_ids: ids }));
  const send = async (mail: Claimed): Promise<'sent' | 'failed'> => {
    let message;
    try {
      message = render(mail.template, mail.language, mail.params, { siteUrl, apiUrl: env('SUPABASE_URL')! });
    } catch (error) {
      // A message that cannot be written never will be: given up at once.
      await rpc('mark_mail_failed', { mail_id: mail.mail_id, lease: mail.lease, problem: String((error as Error).message), permanent: error instanceof TemplateError });
      return 'failed';
    }
    // An alert's one-click address is the alerts function's, made from its manage token by the template.
    const unsubscribeUrl = mail.unsubscribe_url ?? message.unsubscribeUrl;
    try {
      await smtp.transport.sendMail({
        from: smtp.from,
        to: mail.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageId(mail.mail_id, smtp.from),
        // RFC 8058: List-Unsubscribe with an https URL, and the one-click POST.
        headers: { 'Content-Language': mail.language, ...(unsubscribeUrl && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }) },
        ...(unsubscribeUrl && { list: { unsubscribe: { url: unsubscribeUrl } } }),
      });
    } catch (error) {
      await rpc('mark_mail_failed', { mail_id: mail.mail_id, lease: mail.lease, problem: error instanceof Error ? error.message : String(error) });
      return 'failed';
    }
    await marks.add(mail.mail_id);
    return 'sent';
  };

  const counts = { sent: 0, failed: 0 };
  try {
    const until = Date.now() + callSeconds * 1000;
    while (Date.now() < until) {
      const batch = await rpc<Claimed[]>('claim_mail', { batch_size: batchSize, lease_seconds: leaseSeconds });
      if (batch.length === 0) break;
      for (const outcome of await Promise.all(batch.map(send))) counts[outcome] += 1;
    }
    return answer(200, counts);
  } catch (error) {
    return answer(500, { ...counts, error: error instanceof Error ? error.message : String(error) });
  } finally {
    smtp.transport.close();
  }
});
