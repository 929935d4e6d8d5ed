// The inbox: filters, the count of each status (each a button that lists only
// those), and the list itself, a list of links, newest first. Opening an item
// puts it in the address (#tip/<id>); coming back puts focus on its link again.
import { useId, type ReactNode } from 'react';
import { fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import { toCsv } from '../workspace/csv.ts';
import { saveFile } from '../workspace/download.ts';
import { ages, filterItems, inboxCsvRows, statusCounts, type InboxFilter, type InboxItem } from './inbox.ts';
import { itemKinds, statusesOf, type ItemKind } from '../workspace/records.ts';
import { routeHash } from '../workspace/route.ts';
import { inboxLimit } from '../workspace/staffData.ts';
import { useWorkspace } from '../workspace/words.ts';

interface Props {
  items: readonly InboxItem[] | null;
  truncated: boolean;
  failed: boolean;
  filter: InboxFilter;
  onFilter(filter: InboxFilter): void;
  /** The beats the signed-in member may see, for the beat filter; null for every beat and none. */
  beats: readonly string[] | null;
  /** Whether to offer the staff accounts (coordinators manage them). */
  staffAccounts: boolean;
  onRefresh(): void;
  /** The list is left for an item, the summary or the staff accounts: the id of the link followed, to return focus to. */
  onLeave(elementId: string): void;
  now: Date;
}

export default function Inbox({ items, truncated, failed, filter, onFilter, beats, staffAccounts, onRefresh, onLeave, now }: Props) {
  const ws = useWorkspace();
  const words = ws.t.inbox;
  const ids = useId();
  const listed = items ? filterItems(items, filter, now) : [];
  const counts = items ? statusCounts(items, filter, now) : [];
  const set = (change: Partial<InboxFilter>) => onFilter({ ...filter, ...change });

  // Statuses shared by kinds (received, declined) are one choice: they mean the same.
  const statuses = [...new Map(itemKinds.flatMap((kind) => statusesOf[kind].map((status) => [status, ws.status(kind, status)] as const))).entries()];
  const beatChoices = beats ?? ws.beats.map((beat) => beat.id);

  function exportList() {
    const rows = inboxCsvRows(listed, {
      columns: ws.t.csv,
      kind: (kind) => ws.t.kinds[kind],
      status: (kind, status) => ws.status(kind, status),
      category: (kind, category) => ws.category(kind, category),
      officer: (slug) => ws.officer(slug),
      dateTime: (iso) => ws.dateTime(iso),
    });
    saveFile(`inbox-${now.toISOString().slice(0, 10)}.csv`, 'text/csv;charset=utf-8', toCsv(rows));
  }

  const title = (item: InboxItem) => {
    if (item.kind === 'tip') return ws.category('tip', item.category);
    if (item.kind === 'watch_group') return item.name ?? '';
    if (item.kind === 'suggestion') return ws.t.suggestion.listTitle;
    return `${item.name ?? ''} · ${ws.category('workshop_request', item.category)}`;
  };

  return (
    <section aria-labelledby="staff-inbox-heading" className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="staff-inbox-heading" tabIndex={-1} className="text-2xl font-bold focus:outline-none">
          {words.heading}
        </h2>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <a id="staff-summary-link" href="#summary" onClick={() => onLeave('staff-summary-link')} className="text-brand-700 underline">
            {words.summaryLink}
          </a>
          <a id="staff-notifications-link" href="#notifications" onClick={() => onLeave('staff-notifications-link')} className="text-brand-700 underline">
            {ws.t.notifications.link}
          </a>
          <a id="staff-content-link" href="#content" onClick={() => onLeave('staff-content-link')} className="text-brand-700 underline">
            {ws.t.content.link}
          </a>
          {staffAccounts && (
            <a id="staff-accounts-link" href="#staff" onClick={() => onLeave('staff-accounts-link')} className="text-brand-700 underline">
              {ws.t.team.link}
            </a>
          )}
        </div>
      </div>

      <form aria-label={words.filters} onSubmit={(event) => event.preventDefault()} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Choice id={`${ids}-kind`} label={words.kind} value={filter.kind} onChange={(kind) => set({ kind: kind as InboxFilter['kind'] })}>
          <option value="all">{words.kinds.all}</option>
          {itemKinds.map((kind) => (
            <option key={kind} value={kind}>
              {words.kinds[kind]}
            </option>
          ))}
        </Choice>
        <Choice id={`${ids}-beat`} label={words.beat} value={filter.beat} onChange={(beat) => set({ beat })}>
          <option value="all">{words.allBeats}</option>
          {beatChoices.map((beat) => (
            <option key={beat} value={beat}>
              {format(words.beatOption, { beat })}
            </option>
          ))}
          {beats === null && <option value="none">{words.noBeat}</option>}
        </Choice>
        <Choice id={`${ids}-status`} label={words.status} value={filter.status} onChange={(status) => set({ status })}>
          <option value="open">{words.open}</option>
          <option value="all">{words.anyStatus}</option>
          {statuses.map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
        </Choice>
        <Choice id={`${ids}-category`} label={words.category} value={filter.category} onChange={(category) => set({ category })}>
          <option value="all">{words.allCategories}</option>
          <optgroup label={words.tipCategories}>
            {Object.entries(ws.labels.categories).map(([category, label]) => (
              <option key={category} value={category}>
                {label}
              </option>
            ))}
          </optgroup>
          <optgroup label={words.workshops}>
            {ws.workshops.map((workshop) => (
              <option key={workshop.id} value={workshop.id}>
                {workshop.title}
              </option>
            ))}
          </optgroup>
        </Choice>
        <div className="flex items-center gap-2 self-end pb-2">
          <input
            id={`${ids}-new-answers`}
            type="checkbox"
            checked={filter.newAnswers === true}
            // Answers come to items whatever their status: closed ones too.
            onChange={(event) => set({ newAnswers: event.target.checked, status: event.target.checked ? 'all' : filter.status })}
            className="h-5 w-5"
          />
          <label htmlFor={`${ids}-new-answers`} className="font-semibold">
            {ws.t.conversation.filter}
          </label>
        </div>
        <Choice id={`${ids}-age`} label={words.age} value={String(filter.ageDays ?? 'any')} onChange={(age) => set({ ageDays: age === 'any' ? null : Number(age) })}>
          <option value="any">{words.ages.any}</option>
          {ages.map((days) => (
            <option key={days} value={days}>
              {words.ages[String(days) as `${typeof days}`]}
            </option>
          ))}
        </Choice>
      </form>

      {counts.length > 0 && (
        <section aria-labelledby={`${ids}-counts`} className="space-y-2">
          <h3 id={`${ids}-counts`} className="text-lg font-semibold">
            {words.countsHeading}
          </h3>
          <p className="text-sm text-slate-700">{words.countsHint}</p>
          {itemKinds
            .filter((kind) => counts.some((count) => count.kind === kind))
            .map((kind) => (
              <div key={kind} className="flex flex-wrap items-center gap-2">
                <span className="w-full font-semibold sm:w-auto">{words.kinds[kind]}</span>
                {counts
                  .filter((count) => count.kind === kind)
                  .map((count) => {
                    const pressed = filter.kind === kind && filter.status === count.status;
                    return (
                      <button
                        key={count.status}
                        type="button"
                        aria-pressed={pressed}
                        onClick={() => set(pressed ? { kind: 'all', status: 'open' } : { kind, status: count.status })}
                        className={`min-h-11 rounded-full border-2 px-4 py-1 ${pressed ? 'border-brand-800 bg-brand-800 text-white' : 'border-brand-700 text-brand-800 hover:bg-brand-50'}`}
                      >
                        {format(words.count, { status: ws.status(kind, count.status), count: count.count })}
                      </button>
                    );
                  })}
              </div>
            ))}
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={onRefresh} className={secondaryButtonClass}>
          {words.refresh}
        </button>
        <button type="button" onClick={exportList} disabled={listed.length === 0} className={`${secondaryButtonClass} disabled:cursor-not-allowed disabled:opacity-60`} aria-describedby={`${ids}-export`}>
          {words.exportCsv}
        </button>
        <p id={`${ids}-export`} className="text-sm text-slate-700">
          {words.exportHint}
        </p>
      </div>

      <p role="status" className="font-semibold">
        {failed ? '' : items === null ? words.loading : listed.length === 1 ? words.listedOne : format(words.listed, { count: listed.length })}
      </p>
      {failed && <p className="font-semibold text-alert-700">{ws.t.loadFailed}</p>}
      {truncated && <p>{format(words.truncated, { count: inboxLimit })}</p>}
      {items !== null && listed.length === 0 && !failed && <p>{words.none}</p>}
      {listed.length > 0 && (
        <ol aria-labelledby="staff-inbox-heading" className="divide-y divide-slate-300 border-y border-slate-300">
          {listed.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <a
                id={itemLinkId(item.kind, item.id)}
                href={routeHash({ view: 'item', kind: item.kind, id: item.id })}
                onClick={() => onLeave(itemLinkId(item.kind, item.id))}
                className="block space-y-1 px-2 py-3 no-underline hover:bg-brand-50 focus-visible:bg-brand-50"
              >
                <span className="block font-semibold text-brand-800 underline break-words">{title(item)}</span>
                {item.newAnswer && <strong className="inline-block rounded bg-alert-700 px-2 py-0.5 text-sm text-white">{ws.t.conversation.inboxUnread}</strong>}
                <span className="block text-sm text-slate-800">
                  {[
                    ws.t.kinds[item.kind],
                    item.beat ? format(words.inBeat, { beat: item.beat }) : words.noBeat,
                    ws.status(item.kind, item.status),
                    format(words.received, { date: ws.dateTime(item.createdAt) }),
                    item.assignedTo ? format(words.assigned, { officer: ws.officer(item.assignedTo) }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {item.text && <span className="line-clamp-2 block break-words text-slate-800">{item.text}</span>}
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export const itemLinkId = (kind: ItemKind, id: string) => `staff-${kind}-${id}`;

function Choice({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={fieldClass}>
        {children}
      </select>
    </div>
  );
}
