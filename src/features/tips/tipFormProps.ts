// What the tip form island needs from the build, the same on /tip and on the
// home page: the words, the beats, the languages and the emergency numbers.
import { jurisdiction } from '../../lib/content/jurisdiction.ts';
import { format, messages, type Locale } from '../../lib/i18n/index.ts';
import { contactLanguages } from '../../lib/i18n/languages.ts';
import { localized } from '../../lib/i18n/routes.ts';
import { siteSettings } from '../../lib/site.ts';

export async function tipFormProps(locale: Locale) {
  const site = await siteSettings();
  const t = messages(locale);
  return {
    t: t.tips,
    forms: t.forms,
    places: t.places,
    finder: t.finder,
    emergencyNotice: [
      t.layout.notAnEmergencyLine,
      format(t.layout.emergency, { number: site.emergencyNumber }),
      format(t.layout.nonEmergency, { number: site.nonEmergencyNumber }),
    ].join(' '),
    statusUrl: localized(site.locales, locale, '/tip/status'),
    beats: (await jurisdiction()).beats.map(({ id, name }) => ({ id, name })),
    languages: contactLanguages(site.locales, locale),
  };
}
