// What the local mail catcher caught (supabase/local/mailCatcher.ts), read as
// a mail client would: each message parsed, oldest first. Tests find theirs
// by address, since every test of a run shares one catcher.
import { expect } from 'vitest';
import { mailReader, type CaughtMessage } from '../../supabase/local/mailbox.ts';

export type { CaughtMessage };

const readers = new Map<string, ReturnType<typeof mailReader>>();
const reader = (folder: string) => {
  let found = readers.get(folder);
  if (!found) readers.set(folder, (found = mailReader(folder)));
  return found;
};

/** Every message caught in `folder`, oldest first. */
export function caughtMail(folder: string): Promise<CaughtMessage[]> {
  return reader(folder).all();
}

/** The messages sent to an address, oldest first (addresses compared as mail compares them, ignoring case). */
export async function mailTo(folder: string, address: string): Promise<CaughtMessage[]> {
  return (await caughtMail(folder)).filter((message) => message.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** The web addresses in a message's text part, in order. */
export function linksIn(message: CaughtMessage): string[] {
  return message.text.match(/https?:\/\/\S+/g) ?? [];
}

/** What a leaked mailbox would show of a message: all of it, as it came. */
export const wholeMessage = (message: CaughtMessage) => [message.subject, message.text, message.html, JSON.stringify([...message.headers])].join('\n');

/** The messages sent to an address, once at least `count` have arrived. */
export async function waitForMailTo(folder: string, address: string, count = 1): Promise<CaughtMessage[]> {
  await expect.poll(async () => (await mailTo(folder, address)).length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(count);
  return mailTo(folder, address);
}
