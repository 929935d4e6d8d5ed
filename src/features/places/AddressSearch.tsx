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
  /**
   * Inside another form (a tip's "where", a business address): no form of its
   * own, Enter and the button look the address up instead of sending, and the
   * label, hint and error are the outer form's.
   */
  embedded?: { id: string; label: string; hint?: string | undefined; errorId?: string | undefined };
}

export default function AddressSearch({ t, suggest, onSearch, onFirstUse, busy, initial = '', embedded }: Props) {
  const ownId = useId();
  const id = embedded?.id ?? ownId;
  const inputId = embedded ? id : `${id}-input`;
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
    } else if (event.key === 'Enter' && embedded) {
      // In someone else's form, Enter looks the address up rather than sending that form.
      event.preventDefault();
      setOpen(false);
      if (text.trim()) onSearch(text);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const lookUp = () => {
    setOpen(false);
    if (text.trim()) onSearch(text);
  };
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    lookUp();
  };
  const hint = embedded ? embedded.hint : t.addressHint;
  const describedBy = [hint ? `${id}-hint` : undefined, embedded?.errorId].filter(Boolean).join(' ') || undefined;

  const fields = (
    <>
      <label htmlFor={inputId} className="block font-semibold">
        {embedded?.label ?? t.addressLabel}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <div className="relative min-w-0 flex-1 basis-64">
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-describedby={describedBy}
            aria-invalid={embedded?.errorId ? true : undefined}
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
        <button type={embedded ? 'button' : 'submit'} onClick={embedded ? lookUp : undefined} aria-disabled={busy} className="min-h-11 rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {t.find}
        </button>
      </div>
    </>
  );
  return embedded ? (
    <div className="space-y-2">{fields}</div>
  ) : (
    <form role="search" onSubmit={onSubmit} className="space-y-2">
      {fields}
    </form>
  );
}
