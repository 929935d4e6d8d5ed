// What the staff workspace island needs from the build: its words (and the
// words residents' forms use for statuses and categories, so both say the
// same), the beats, the officers who may be assigned, the workshops, and the
// jurisdiction's time zone. Nothing here is secret: it is all public content.
import { jurisdiction } from '../../lib/content/jurisdiction.ts';
import { messages, type Locale } from '../../lib/i18n/index.ts';
import { siteSettings } from '../../lib/site.ts';
import { workshopCatalogue } from '../workshops/catalogue.ts';

export interface StaffOfficer {
  slug: string;
  name: string;
  /** Every beat the officer serves, a district's officers each of its beats. */
  beats: string[];
}

export async function staffProps(locale: Locale) {
  const site = await siteSettings();
  const { beats, officers } = await jurisdiction();
  const t = messages(locale);
  const beatsOfDistrict = (district: string) => beats.filter((beat) => beat.district === district).map((beat) => beat.id);
  return {
    t: t.staff,
    labels: {
      tipStatuses: t.tipStatus.statuses,
      watchGroupStatuses: t.watch.status.statuses,
      workshopRequestStatuses: t.workshops.status.statuses,
      categories: t.tips.categories,
      meetingPreferences: t.watch.register.meetingPreferences,
    },
    locale,
    timeZone: site.timeZone,
    defaultLanguage: site.locales[0] ?? 'en',
    contactEmail: site.contact.email ?? null,
    beats: beats.map(({ id, name, district }) => ({ id, name, district })),
    officers: officers
      .map(({ id, name, beats: served, district }): StaffOfficer => ({ slug: id, name, beats: [...new Set([...served, ...(district ? beatsOfDistrict(district) : [])])] }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    workshops: (await workshopCatalogue()).map(({ id, title, durationMinutes }) => ({ id, title, durationMinutes })),
  };
}

export type StaffProps = Awaited<ReturnType<typeof staffProps>>;
