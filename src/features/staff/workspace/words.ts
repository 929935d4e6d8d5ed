// The workspace's ways of saying things in the reader's language: labels for
// statuses, categories, officers and workshops (the same words residents'
// pages use), and dates and times in the jurisdiction's zone. It comes in two
// steps: the shell, from the page, is all signing in needs; the workspace adds
// the jurisdiction's beats, officers and workshops once they have arrived.
import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';
import type { StaffContent } from './content.ts';
import type { ItemKind } from './records.ts';
import type { StaffProps } from './staffProps.ts';

export interface Shell extends StaffProps {
  client: SupabaseClient;
  status(kind: ItemKind, status: string): string;
  dateTime(iso: string): string;
  date(iso: string): string;
  language(tag: string): string;
}

export interface Workspace extends Shell, StaffContent {
  category(kind: ItemKind, category: string | null): string;
  officer(slug: string): string;
}

export function shell(props: StaffProps, client: SupabaseClient): Shell {
  const { labels, locale, timeZone } = props;
  const statusLabels: Record<ItemKind, Record<string, string>> = {
    tip: labels.tipStatuses,
    watch_group: labels.watchGroupStatuses,
    workshop_request: labels.workshopRequestStatuses,
    suggestion: props.t.suggestion.statuses,
  };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  return {
    ...props,
    client,
    status: (kind, status) => statusLabels[kind][status] ?? status,
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    language: (tag) => {
      try {
        return languages.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
}

export function workspace(base: Shell, content: StaffContent): Workspace {
  const officerNames = new Map(content.officers.map((officer) => [officer.slug, officer.name]));
  const workshopTitles = new Map(content.workshops.map((workshop) => [workshop.id, workshop.title]));
  return {
    ...base,
    ...content,
    category: (kind, category) => {
      if (category === null) return '';
      if (kind === 'workshop_request') return workshopTitles.get(category) ?? category;
      return (base.labels.categories as Record<string, string>)[category] ?? category;
    },
    officer: (slug) => officerNames.get(slug) ?? slug,
  };
}

/** The shell until the content has arrived, then, below it, the workspace. */
export const WorkspaceContext = createContext<Shell | Workspace | null>(null);

export function useShell(): Shell {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useShell outside the staff workspace');
  return value;
}

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value || !('officers' in value)) throw new Error('useWorkspace before the staff workspace’s content has arrived');
  return value;
}
