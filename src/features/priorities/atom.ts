// Atom feeds (RFC 4287) from entries as plain data, so that whatever a beat's
// feed carries (priorities and reports here; cancellations and alerts later)
// only has to say what its entries are. Nothing here knows about priorities.
import { createHash } from 'node:crypto';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomEntry {
  /** An IRI that never changes for this entry: make it with stableId. */
  id: string;
  title: string;
  /** RFC 3339, e.g. 2026-07-14T05:00:00Z. */
  updated: string;
  /** The page that tells the whole story. */
  link: string;
  /** Plain text: readers show it as it is. */
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The feed's language (xml:lang), e.g. "es". */
  language: string;
  /** Who publishes it: a feed must name an author when its entries do not. */
  author: string;
  /** The feed's own address, and the page it follows. */
  self: string;
  alternate: string;
  /** When the feed last changed; the latest entry's date when there is one. */
  updated: string;
  entries: readonly AtomEntry[];
}

/**
 * An id that stays the same across builds and hosts, from what the entry is ("priority/x/opened")
 * within a feed's publisher: a name-based (version 5) UUID, an IRI as Atom asks, that needs no domain.
 */
export function stableId(publisher: string, key: string): string {
  const hash = createHash('sha1').update(`${publisher}\n${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feed as XML, newest entry first. */
export function atomFeed(feed: AtomFeed): string {
  const entries = [...feed.entries].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = entries[0]?.updated ?? feed.updated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escape(feed.language)}">`,
    `  <id>${escape(feed.id)}</id>`,
    `  <title>${escape(feed.title)}</title>`,
    `  <updated>${escape(updated)}</updated>`,
    `  <author><name>${escape(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(feed.alternate)}"/>`,
    ...entries.map((entry) =>
      [
        '  <entry>',
        `    <id>${escape(entry.id)}</id>`,
        `    <title>${escape(entry.title)}</title>`,
        `    <updated>${escape(entry.updated)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${escape(entry.link)}"/>`,
        `    <content type="text">${escape(entry.content)}</content>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
