// The receipt-code lookup on /watch/status: what became of a group's
// registration. Only the code is sent; the answer holds the group's name, its
// status, two dates and staff's public note, and nothing about any person.
// Below it, any question staff asked the group's registrant, and a box to answer.
import { useState } from 'react';
import Conversation from '../../components/forms/Conversation.tsx';
import ReceiptLookup from '../../components/forms/ReceiptLookup.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { lookUpWatchGroup } from './watchStatus.ts';

interface Props {
  t: Messages['watch']['status'];
  conversation: Messages['conversation'];
  locale: string;
}

export default function WatchStatusLookup({ t, conversation, locale }: Props) {
  // The code typed, for the conversation below: in memory only.
  const [receipt, setReceipt] = useState('');
  const date = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return (
    <ReceiptLookup
      t={t}
      lookUp={(code) => {
        setReceipt(code);
        return lookUpWatchGroup(publicApi(), code);
      }}
    >
      {(group, headingId) => (
        <>
          <p className="text-lg">{group.name}</p>
          <h2 id={headingId} className="text-2xl font-bold">
            {t.statuses[group.status]}
          </h2>
          <p>{t.explanations[group.status]}</p>
          <p className="text-sm text-slate-700">
            {t.registered} {date(group.registeredOn)} · {t.updated} {date(group.updatedOn)}
          </p>
          {group.publicNote && (
            <div className="mt-3 rounded-md bg-brand-50 p-3">
              <p className="font-semibold">{t.note}</p>
              <p className="whitespace-pre-line">{group.publicNote}</p>
            </div>
          )}
          <Conversation key={receipt} kind="watch_group" receipt={receipt} t={conversation} locale={locale} />
        </>
      )}
    </ReceiptLookup>
  );
}
