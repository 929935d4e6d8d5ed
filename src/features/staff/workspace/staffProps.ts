// What the staff workspace needs from the build. The page's island gets only
// what stays the same size whatever the jurisdiction: its words (and the words
// residents' forms use for statuses and categories, so both say the same), the
// jurisdiction's time zone and whom to write to. The beats, officers and
// workshops go into /staff/content.json (see content.ts), for signed-in staff
// only to download. Nothing here is secret: it is all public content.
import { jurisdiction } from '../../../lib/content/jurisdiction.ts';
import { messages, type Locale } from '../../../lib/i18n/index.ts';
import { siteSettings } from '../../../lib/site.ts';
import { workshopCatalogue } from '../../workshops/catalogue.ts';
import type { StaffContentFile } from './content.ts';

export async function staffProps(locale: Locale) {
  const site = await siteSettings();
  const t = messages(locale);
  return {
    t: t.staff,
    labels: {
      tipStatuses: t.tipStatus.statuses,
      watchGroupStatuses: t.watch.status.statuses,
      workshopRequestStatuses: t.workshops.status.statuses,
      categories: t.tips.categories,
      meetingPreferences: t.watch.register.meetingPreferences,
      saraStages: t.priorities.sara,
    },
    locale,
    timeZone: site.timeZone,
    defaultLanguage: site.locales[0] ?? 'en',
    /** The site's languages: those staff may have their emails written in. */
    siteLocales: site.locales,
    contactEmail: site.contact.email ?? null,
  };
}

export type StaffProps = Awaited<ReturnType<typeof staffProps>>;

/** The same for every language: officers are put in order by name in the reader's, in the browser. */
export async function staffContentFile(): Promise<StaffContentFile> {
  const { beats, officers } = await jurisdiction();
  return {
    beats: beats.map(({ id, district }) => ({ id, district })),
    officers: officers.map(({ id, name, beats: served, district }) => ({ slug: id, name, beats: served, ...(district ? { district } : {}) })),
    workshops: (await workshopCatalogue()).map(({ id, title, durationMinutes }) => ({ id, title, durationMinutes })),
  };
}
