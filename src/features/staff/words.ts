// The workspace's ways of saying things in the reader's language: labels for
// statuses, categories, officers and workshops (the same words residents'
// pages use), and dates and times in the jurisdiction's zone.
import type { SupabaseClient } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';
import type { ItemKind } from './records.ts';
import type { StaffProps } from './staffProps.ts';

export interface Workspace extends StaffProps {
  client: SupabaseClient;
  status(kind: ItemKind, status: string): string;
  category(kind: ItemKind, category: string | null): string;
  officer(slug: string): string;
  dateTime(iso: string): string;
  date(iso: string): string;
  language(tag: string): string;
}

export function workspace(props: StaffProps, client: SupabaseClient): Workspace {
  const { labels, locale, timeZone, officers, workshops } = props;
  const statusLabels: Record<ItemKind, Record<string, string>> = {
    tip: labels.tipStatuses,
    watch_group: labels.watchGroupStatuses,
    workshop_request: labels.workshopRequestStatuses,
  };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const languages = new Intl.DisplayNames([locale], { type: 'language' });
  return {
    ...props,
    client,
    status: (kind, status) => statusLabels[kind][status] ?? status,
    category: (kind, category) => {
      if (category === null) return '';
      if (kind === 'workshop_request') return workshops.find((workshop) => workshop.id === category)?.title ?? category;
      return (labels.categories as Record<string, string>)[category] ?? category;
    },
    officer: (slug) => officers.find((officer) => officer.slug === slug)?.name ?? slug,
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

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside the staff workspace');
  return value;
}
