// An officer as residents meet them: photo (or initials), name, role, the
// languages they speak besides the page's, and how to reach them. A React
// component so the finder's island and the static pages show the same card;
// on static pages Astro renders it to HTML with no JavaScript.
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import type { OfficerCard as Officer } from './answers.ts';

interface Props {
  officer: Officer;
  t: Messages['finder'];
  locale: string;
  /** The officer's page, where there is one to link to. */
  href?: string;
}

export default function OfficerCard({ officer, t, locale, href }: Props) {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const others = officer.languages.filter((tag) => !tag.startsWith(locale)).map((tag) => names.of(tag) ?? tag);
  const role = t.roles[officer.role as keyof typeof t.roles] ?? officer.role;
  const name = `${officer.rank} ${officer.name}`;
  return (
    <li className="flex gap-3 rounded-md bg-slate-50 p-3">
      {officer.photo ? (
        <img src={officer.photo} alt={officer.photoAlt ?? ''} width={64} height={64} className="size-16 rounded-full object-cover" />
      ) : (
        // Initials stand in for a photo; the name beside them says who it is.
        <span aria-hidden="true" className="flex size-16 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xl font-bold text-brand-900">
          {officer.name
            .split(/\s+/)
            .map((part) => part[0])
            .slice(0, 2)
            .join('')}
        </span>
      )}
      <div className="min-w-0 space-y-1">
        <p className="font-semibold">
          {href ? (
            <a href={href} className="text-brand-700 underline">
              {name}
            </a>
          ) : (
            name
          )}
        </p>
        <p className="text-sm text-slate-700">{role}</p>
        {others.length > 0 && <p className="text-sm">{format(t.speaks, { languages: others.join(', ') })}</p>}
        {officer.contact.phone && (
          <p className="text-sm">
            {t.phone}:{' '}
            <a href={`tel:${officer.contact.phone}`} className="text-brand-700 underline">
              {officer.contact.phone}
            </a>
          </p>
        )}
        {officer.contact.email && (
          <p className="break-all text-sm">
            {t.email}:{' '}
            <a href={`mailto:${officer.contact.email}`} className="text-brand-700 underline">
              {officer.contact.email}
            </a>
          </p>
        )}
        {officer.contact.officeHours && <p className="text-sm">{format(t.officeHours, { hours: officer.contact.officeHours })}</p>}
      </div>
    </li>
  );
}
