// Whether the public site is up to date, as the workspace says it: the
// database's publish_status() (supabase/migrations/20261122001100_publish_status.sql)
// turned into one line, how often to ask again, and the two calls.
import type { SupabaseClient } from '@supabase/supabase-js';
import { format } from '../../../lib/i18n/format.ts';
import type { staff } from '../../../lib/i18n/locales/en/staff.ts';
import { read, type Outcome } from '../workspace/staffData.ts';

/** What publish_status() and publish_now() return. */
export interface PublishStatus {
  last_published_at: string | null;
  last_finished_at: string | null;
  last_outcome: 'published' | 'failed' | null;
  last_problems: string[];
  waiting: number;
  building: boolean;
  waiting_problems: string[];
}

export type PublishWords = (typeof staff)['publishing'];

export interface PublishLine {
  /** What the line is about, without its times' "minutes ago": only a new key is said aloud. */
  key: string;
  text: string;
  /** The build's lines behind a failure, for whoever fixes it; the first is already in `text`. */
  problems: string[];
}

/** How to show an instant: as the workspace's date and time, and how long ago it was. */
export interface Times {
  time(iso: string): string;
  ago(iso: string): string;
}

export function publishLine(status: PublishStatus, words: PublishWords, times: Times): PublishLine {
  const sentences: string[] = [];
  let problems: string[] = [];
  if (status.building) sentences.push(words.building);
  else if (status.last_outcome === 'failed' && status.last_finished_at) {
    problems = status.last_problems;
    const time = times.time(status.last_finished_at);
    sentences.push(problems[0] === undefined ? format(words.failedBare, { time }) : format(words.failed, { time, problem: problems[0] }));
  } else if (status.last_published_at) {
    sentences.push(format(words.published, { time: times.time(status.last_published_at), ago: times.ago(status.last_published_at) }));
  } else sentences.push(words.never);

  if (status.waiting === 1) sentences.push(words.waitingOne);
  else if (status.waiting > 1) sentences.push(format(words.waiting, { count: status.waiting }));
  else if (!status.building) sentences.push(words.upToDate);

  // A build hook that refused matters more than an older failure: it is why nothing goes out now.
  if (status.waiting_problems[0] !== undefined) {
    sentences.push(format(words.refused, { problem: status.waiting_problems[0] }));
    problems = status.waiting_problems;
  }

  const phase = status.building ? 'building' : (status.last_outcome ?? 'never');
  return {
    key: [phase, status.last_finished_at ?? '', status.waiting > 0 ? 'waiting' : 'current', status.waiting_problems[0] ?? ''].join('|'),
    text: sentences.join(' '),
    problems,
  };
}

/** How long ago `iso` was at `now`, in the reader's language; under a minute (or a clock a little ahead) is `justNow`. */
export function timeAgo(iso: string, now: Date, locale: string, justNow: string): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return justNow;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return relative.format(-Math.floor(hours / 24), 'day');
}

/** Soon while something is on its way to the site, so the member sees it arrive; rarely otherwise. */
export function pollDelay(status: PublishStatus | null): number {
  return status === null || status.waiting > 0 || status.building ? 10_000 : 60_000;
}

export function loadPublishStatus(client: SupabaseClient): Promise<Outcome<PublishStatus>> {
  return read(client.rpc('publish_status'));
}

/** Queues a publish with no change (after fixing what made a build fail outside the database, say); the status after it. */
export function publishNow(client: SupabaseClient): Promise<Outcome<PublishStatus>> {
  return read(client.rpc('publish_now'));
}
