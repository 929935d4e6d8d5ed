// The receipt-code lookup on /tip/status: what became of a tip, without the
// resident ever saying who they are. Only the code is sent, and the answer
// holds the status, two dates and the public reply: nothing else is stored
// for anyone to return. Below it, any question an officer asked, and a box to
// answer it: the code the resident typed stays in this island's memory for
// that, and nowhere else.
import { useState } from 'react';
import Conversation from '../../components/forms/Conversation.tsx';
import ReceiptLookup from '../../components/forms/ReceiptLookup.tsx';
import { publicApi } from '../../lib/api/publicApi.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { lookUpTip } from './tipStatus.ts';

interface Props {
  t: Messages['tipStatus'];
  conversation: Messages['conversation'];
  locale: string;
}

export default function TipStatusLookup({ t, conversation, locale }: Props) {
  const [receipt, setReceipt] = useState('');
  const date = (day: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return (
    <ReceiptLookup
      t={t}
      lookUp={(code) => {
        setReceipt(code);
        return lookUpTip(publicApi(), code);
      }}
    >
      {(tip, headingId) => (
        <>
          <h2 id={headingId} className="text-2xl font-bold">
            {t.statuses[tip.status]}
          </h2>
          <p>{t.explanations[tip.status]}</p>
          <p className="text-sm text-slate-700">
            {t.received} {date(tip.receivedOn)} · {t.updated} {date(tip.updatedOn)}
          </p>
          {tip.publicReply && (
            <div className="mt-3 rounded-md bg-brand-50 p-3">
              <p className="font-semibold">{t.reply}</p>
              <p className="whitespace-pre-line">{tip.publicReply}</p>
            </div>
          )}
          <Conversation key={receipt} kind="tip" receipt={receipt} t={conversation} locale={locale} />
        </>
      )}
    </ReceiptLookup>
  );
}
