// The jurisdiction's workshops and surveys (src/content/workshops/<id>.json),
// as the pages read them at build time, already checked by workshopSchema.
import { getCollection } from 'astro:content';

export interface Workshop {
  id: string;
  title: string;
  kind: 'workshop' | 'survey';
  description: string;
  durationMinutes: number;
  minimumAttendees: number;
}

/** Workshops first, then surveys, each by title. */
export async function workshopCatalogue(): Promise<Workshop[]> {
  const entries = (await getCollection('workshops')).map(({ id, data }) => ({ ...data, id }));
  return entries.sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'workshop' ? -1 : 1));
}

/** What the request form needs of each: the rest stays in the page's HTML. */
export type WorkshopChoice = Pick<Workshop, 'id' | 'title' | 'kind' | 'minimumAttendees'>;

export const choices = (catalogue: Workshop[]): WorkshopChoice[] =>
  catalogue.map(({ id, title, kind, minimumAttendees }) => ({ id, title, kind, minimumAttendees }));
