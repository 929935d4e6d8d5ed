// The receipt-code lookup on /suggest-a-priority/status: what the beat's
// officers did with a suggestion, without the resident ever saying who they
// are. Only the code is sent; the answer holds the status, two dates, the
// public reply and the priority it became once that is published.
import ReceiptLookup from '../../components/forms/ReceiptLookup.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { lookUpSuggestion } from './suggestionStatus.ts';

interface Props {
  t: Messages['suggestions']['status'];
  locale: string;
  /** Where priorities' pages are in this language: '/priorities' or '/es/priorities'. */
  prioritiesPath: string;
}

export default function SuggestionStatusLookup({ t, locale, prioritiesPath }: Props) {
  // Dates are days in UTC, as the database gives them.
  const date = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return (
    <ReceiptLookup t={t} lookUp={(code) => lookUpSuggestion(publicApi(), code)}>
      {(suggestion, headingId) => (
        <>
          <h2 id={headingId} className="text-2xl font-bold">
            {t.statuses[suggestion.status]}
          </h2>
          <p>{t.explanations[suggestion.status]}</p>
          <p className="text-sm text-slate-700">
            {t.received} {date(suggestion.receivedOn)} · {t.updated} {date(suggestion.updatedOn)}
          </p>
          {suggestion.publicReply && (
            <div className="mt-3 rounded-md bg-brand-50 p-3">
              <p className="font-semibold">{t.reply}</p>
              <p className="whitespace-pre-line">{suggestion.publicReply}</p>
            </div>
          )}
          {suggestion.priorityId && (
            <p>
              <a href={`${prioritiesPath}/${encodeURIComponent(suggestion.priorityId)}`} className="font-semibold text-brand-700 underline">
                {t.becamePriority}
              </a>
            </p>
          )}
        </>
      )}
    </ReceiptLookup>
  );
}
