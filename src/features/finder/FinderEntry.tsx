// The finder's entry on other pages (the home page): hands the address to /find
// in the URL fragment, which browsers never send to a server, so the address
// stays on the device here too. Without JavaScript the form simply opens /find.
import { useId, useState, type SubmitEvent } from 'react';
import type { Messages } from '../../lib/i18n/index.ts';

interface Props {
  t: Messages['finder'];
  findUrl: string;
}

export default function FinderEntry({ t, findUrl }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    if (!text.trim()) return;
    event.preventDefault();
    window.location.assign(`${findUrl}#${new URLSearchParams({ q: text.trim() })}`);
  };
  return (
    <form role="search" action={findUrl} method="get" onSubmit={onSubmit} className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 basis-64">
        <label htmlFor={`${id}-address`} className="block font-semibold">
          {t.addressLabel}
        </label>
        {/* No name attribute: the address is never part of a request. */}
        <input
          id={`${id}-address`}
          type="text"
          autoComplete="street-address"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          className="mt-1 block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base"
        />
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
        {t.find}
      </button>
    </form>
  );
}
