import { describe, expect, it } from 'vitest';
import { staff as en } from '../../../lib/i18n/locales/en/staff.ts';
import { staff as es } from '../../../lib/i18n/locales/es/staff.ts';
import { pollDelay, publishLine, timeAgo, type PublishStatus } from './publishing.ts';

const upToDate: PublishStatus = {
  last_published_at: '2026-12-06T10:42:00Z',
  last_finished_at: '2026-12-06T10:42:00Z',
  last_outcome: 'published',
  last_problems: [],
  waiting: 0,
  building: false,
  waiting_problems: [],
};
const times = { time: (iso: string) => `at ${iso.slice(11, 16)}`, ago: () => '3 minutes ago' };
const line = (change: Partial<PublishStatus>, words = en.publishing) => publishLine({ ...upToDate, ...change }, words, times);

describe('the publishing status line', () => {
  it('says when the site was last published and that nothing waits', () => {
    expect(line({}).text).toBe('Site last published at 10:42 (3 minutes ago). Nothing is waiting to be published.');
  });

  it('counts the changes waiting, one or several', () => {
    expect(line({ waiting: 1 }).text).toBe('Site last published at 10:42 (3 minutes ago). 1 change waiting to be published.');
    expect(line({ waiting: 2 }).text).toBe('Site last published at 10:42 (3 minutes ago). 2 changes waiting to be published.');
  });

  it('says a build is under way instead of when the last one finished', () => {
    expect(line({ waiting: 3, building: true }).text).toBe('Publishing now… 3 changes waiting to be published.');
  });

  it('says the last publish failed and the site stayed as it was, with the build’s first line, and keeps every line for the details', () => {
    const failed = line({ last_outcome: 'failed', last_finished_at: '2026-12-06T11:00:00Z', last_problems: ['beats/101: no district', 'officers/x: no beat'] });
    expect(failed.text).toBe('The last publish (at 11:00) failed, so the site stays as it was: “beats/101: no district”. Nothing is waiting to be published.');
    expect(failed.problems).toEqual(['beats/101: no district', 'officers/x: no beat']);
    expect(line({ last_outcome: 'failed', last_problems: [] }).text).toBe('The last publish (at 10:42) failed, so the site stays as it was. Nothing is waiting to be published.');
  });

  it('says why waiting changes have not gone out when the build hook refused them', () => {
    const refused = line({ waiting: 2, waiting_problems: ['The build hook answered 404'] });
    expect(refused.text).toBe('Site last published at 10:42 (3 minutes ago). 2 changes waiting to be published. The waiting changes could not be sent to be built: “The build hook answered 404”.');
    expect(refused.problems).toEqual(['The build hook answered 404']);
  });

  it('says when nothing has been published yet', () => {
    expect(line({ last_published_at: null, last_finished_at: null, last_outcome: null, waiting: 1 }).text).toBe('No publish has finished yet. 1 change waiting to be published.');
  });

  it('speaks the reader’s language', () => {
    expect(line({ waiting: 2 }, es.publishing).text).toBe('Sitio publicado por última vez at 10:42 (3 minutes ago). 2 cambios esperan a ser publicados.');
  });

  it('is news (a new key) when a build starts or ends or changes start to wait, and not when only the count or the time grows', () => {
    const waiting = line({ waiting: 1 }).key;
    expect(line({ waiting: 4 }).key).toBe(waiting);
    expect(line({}).key).not.toBe(waiting);
    expect(line({ waiting: 1, building: true }).key).not.toBe(waiting);
    expect(line({ waiting: 1, last_finished_at: '2026-12-06T11:00:00Z', last_published_at: '2026-12-06T11:00:00Z' }).key).not.toBe(waiting);
    expect(publishLine({ ...upToDate, waiting: 1 }, en.publishing, { ...times, ago: () => '9 minutes ago' }).key).toBe(waiting);
  });
});

describe('how long ago', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('says just now under a minute, and for a server clock a little ahead', () => {
    expect(timeAgo('2026-12-06T11:59:30Z', now, 'en', 'just now')).toBe('just now');
    expect(timeAgo('2026-12-06T12:00:20Z', now, 'en', 'just now')).toBe('just now');
  });

  it('counts minutes, then hours, then days, in the reader’s language', () => {
    expect(timeAgo('2026-12-06T11:57:00Z', now, 'en', 'just now')).toBe('3 minutes ago');
    expect(timeAgo('2026-12-06T09:00:00Z', now, 'en', 'just now')).toBe('3 hours ago');
    expect(timeAgo('2026-12-04T12:00:00Z', now, 'en', 'just now')).toBe('2 days ago');
    expect(timeAgo('2026-12-06T11:57:00Z', now, 'es', 'hace un momento')).toBe('hace 3 minutos');
  });
});

describe('how often the status is asked for', () => {
  it('is every 10 seconds while changes wait or a build runs, and every minute otherwise', () => {
    expect(pollDelay({ ...upToDate, waiting: 2 })).toBe(10_000);
    expect(pollDelay({ ...upToDate, building: true })).toBe(10_000);
    expect(pollDelay(null)).toBe(10_000);
    expect(pollDelay(upToDate)).toBe(60_000);
  });
});
