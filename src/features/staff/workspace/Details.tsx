// What a resident gave, as a list of labelled values. Everything residents
// wrote is rendered as text (React escapes it), keeping its line breaks.
import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
}

export function Details({ details }: { details: ReadonlyArray<Detail | false | null | undefined> }) {
  return (
    <dl className="space-y-3">
      {details.filter((detail): detail is Detail => Boolean(detail)).map(({ label, value }) => (
        <div key={label} className="sm:flex sm:gap-4">
          <dt className="font-semibold sm:w-48 sm:shrink-0">{label}</dt>
          <dd className="break-words whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
