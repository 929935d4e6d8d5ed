// The address box: a combobox (WAI-ARIA 1.2 pattern) that suggests streets as
// the resident types, from the catalog already in the browser. Typing, arrow
// keys, Enter and Escape work as screen-reader and keyboard users expect.
import { useId, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { Messages } from '../../lib/i18n/index.ts';

interface Props {
  t: Messages['finder'];
  suggest(text: string): string[];
  onSearch(text: string): void;
  /** The first time the box is used: a cue to download the street catalog. */
  onFirstUse(): void;
  busy: boolean;
  initial?: string;
}

export default function AddressSearch({ t, suggest, onSearch, onFirstUse, busy, initial = '' }: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [options, setOptions] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = `${id}-suggestions`;

  const update = (value: string) => {
    setText(value);
    const found = value.trim().length >= 2 ? suggest(value) : [];
    setOptions(found);
    setActive(-1);
    setOpen(found.length > 0);
  };
  const choose = (value: string) => {
    setText(value);
    setOpen(false);
    setActive(-1);
    onSearch(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the text itself: moving past either end comes back to what was typed.
      setActive((current) => ((current + 1 + step + options.length + 1) % (options.length + 1)) - 1);
    } else if (event.key === 'Enter' && open && active >= 0 && options[active] !== undefined) {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOpen(false);
    if (text.trim()) onSearch(text);
  };

  return (
    <form role="search" onSubmit={onSubmit} className="space-y-2">
      <label htmlFor={`${id}-input`} className="block font-semibold">
        {t.addressLabel}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t.addressHint}
      </p>
      <div className="flex flex-wrap gap-2">
        <div className="relative min-w-0 flex-1 basis-64">
          <input
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-describedby={`${id}-hint`}
            aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
            value={text}
            onChange={(event) => update(event.currentTarget.value)}
            onFocus={onFirstUse}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2 text-base"
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t.suggestions}
            hidden={!open}
            className="absolute z-20 mt-1 w-full overflow-hidden rounded-md border-2 border-slate-600 bg-white shadow-lg"
          >
            {options.map((option, index) => (
              <li
                key={option}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // mousedown, not click: the input must not lose focus first
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
                className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-700 text-white' : 'hover:bg-brand-50'}`}
              >
                {option}
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" aria-disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t.find}
        </button>
      </div>
    </form>
  );
}
