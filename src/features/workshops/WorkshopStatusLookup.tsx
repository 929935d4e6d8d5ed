// The receipt-code lookup on /workshops/status: what became of a request for
// a workshop or a survey. Only the code is sent; the answer holds the
// workshop, the status, two dates, the confirmed time while it is confirmed
// and the reason while it is declined, and nothing the business wrote.
// Below it, any question staff asked the business, and a box to answer.
import { useState } from 'react';
import Conversation from '../../components/forms/Conversation.tsx';
import ReceiptLookup from '../../components/forms/ReceiptLookup.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { lookUpWorkshopRequest } from './workshopStatus.ts';

interface Props {
  t: Messages['workshops']['status'];
  conversation: Messages['conversation'];
  locale: string;
  /** The jurisdiction's time zone: a confirmed visit happens there, whatever the reader's device says. */
  timeZone: string;
  /** Workshop id → title, to name the workshop of a request. */
  titles: Record<string, string>;
}

export default function WorkshopStatusLookup({ t, conversation, locale, timeZone, titles }: Props) {
  // The code typed, for the conversation below: in memory only.
  const [receipt, setReceipt] = useState('');
  // Dates are days in UTC, as the database gives them; the confirmed time is an instant.
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const instant = (at: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(
      new Date(at),
    );
  return (
    <ReceiptLookup
      t={t}
      lookUp={(code) => {
        setReceipt(code);
        return lookUpWorkshopRequest(publicApi(), code);
      }}
    >
      {(request, headingId) => (
        <>
          <h2 id={headingId} className="text-2xl font-bold">
            {t.statuses[request.status]}
          </h2>
          <p className="font-semibold">{titles[request.workshop] ?? request.workshop}</p>
          <p>{t.explanations[request.status]}</p>
          {request.confirmedAt && (
            <p className="rounded-md bg-brand-50 p-3">
              <span className="font-semibold">{t.confirmedFor}</span> <span data-testid="confirmed-at">{instant(request.confirmedAt)}</span>
            </p>
          )}
          {request.declineReason && (
            <div className="rounded-md bg-brand-50 p-3">
              <p className="font-semibold">{t.reason}</p>
              <p className="whitespace-pre-line">{request.declineReason}</p>
            </div>
          )}
          <p className="text-sm text-slate-700">
            {t.requested} {day(request.requestedOn)} · {t.updated} {day(request.updatedOn)}
          </p>
          <Conversation key={receipt} kind="workshop_request" receipt={receipt} t={conversation} locale={locale} />
        </>
      )}
    </ReceiptLookup>
  );
}
