// The weekly summary per beat: what residents sent in the last seven days or
// in a chosen week, counted by kind, category and status (staff_summary, so
// only what the member may see), as tables and as CSV.
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { buttonClass, fieldClass, secondaryButtonClass } from '../../../components/forms/FormParts.tsx';
import { format } from '../../../lib/i18n/format.ts';
import BackLink from '../workspace/BackLink.tsx';
import { toCsv } from '../workspace/csv.ts';
import { saveFile } from '../workspace/download.ts';
import type { ItemKind } from '../workspace/records.ts';
import { loadSummary } from '../workspace/staffData.ts';
import { lastSevenDays, previousMonday, summarise, summaryCsvRows, weekFrom, type Period, type SummaryRow } from './summary.ts';
import { useWorkspace } from '../workspace/words.ts';
import AlertSubscribers from './AlertSubscribers.tsx';
import { wallTime } from '../workspace/zonedTime.ts';

type State = { phase: 'loading' } | { phase: 'failed' } | { phase: 'loaded'; period: Period; rows: SummaryRow[] };

export default function WeeklySummary({ onBack }: { onBack(): void }) {
  const ws = useWorkspace();
  const words = ws.t.summary;
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [choice, setChoice] = useState<'last' | 'week'>('last');
  const [weekStart, setWeekStart] = useState(() => previousMonday(new Date(), ws.timeZone));
  const [state, setState] = useState<State>({ phase: 'loading' });

  async function show(period: Period) {
    setState({ phase: 'loading' });
    const outcome = await loadSummary(ws.client, period.since, period.until);
    setState(outcome.kind === 'ok' ? { phase: 'loaded', period, rows: outcome.value } : { phase: 'failed' });
  }

  // The last seven days when the summary opens; other periods are asked for with the form.
  useEffect(() => {
    heading.current?.focus();
    void show(lastSevenDays(new Date()));
  }, []);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice === 'week' && !/^\d{4}-\d{2}-\d{2}$/.test(weekStart)) return;
    void show(choice === 'last' ? lastSevenDays(new Date()) : weekFrom(weekStart, ws.timeZone));
  }

  const category = (kind: ItemKind, value: string | null) => (value === null ? words.noCategory : ws.category(kind, value));

  function exportSummary(rows: SummaryRow[], period: Period) {
    const csv = summaryCsvRows(rows, { columns: words.columns, kind: (kind) => ws.t.kinds[kind], status: (kind, status) => ws.status(kind, status), category });
    saveFile(`summary-${wallTime(period.since, ws.timeZone).slice(0, 10)}.csv`, 'text/csv;charset=utf-8', toCsv(csv));
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="space-y-6">
      <BackLink href="#inbox" onClick={onBack}>
        {words.back}
      </BackLink>
      <h2 id={`${ids}-heading`} ref={heading} tabIndex={-1} className="text-2xl font-bold focus:outline-none">
        {words.heading}
      </h2>
      <p className="max-w-prose">{words.intro}</p>

      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="font-semibold">{words.period}</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name={`${ids}-period`} checked={choice === 'last'} onChange={() => setChoice('last')} className="h-5 w-5" />
            {words.lastSeven}
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name={`${ids}-period`} checked={choice === 'week'} onChange={() => setChoice('week')} className="h-5 w-5" />
            {words.week}
          </label>
          {choice === 'week' && (
            <div className="space-y-1 pl-8">
              <label htmlFor={`${ids}-week`} className="block font-semibold">
                {words.weekStart}
              </label>
              <input id={`${ids}-week`} type="date" value={weekStart} onChange={(event) => setWeekStart(event.target.value)} className={`${fieldClass} max-w-xs`} />
            </div>
          )}
        </fieldset>
        <button type="submit" className={buttonClass}>
          {words.show}
        </button>
      </form>

      <div role="status" className="font-semibold">
        {state.phase === 'loading' && words.loading}
        {state.phase === 'loaded' &&
          format(words.range, { from: ws.dateTime(state.period.since.toISOString()), to: ws.dateTime(state.period.until.toISOString()) })}
      </div>
      {state.phase === 'failed' && <p className="font-semibold text-alert-700">{ws.t.loadFailed}</p>}
      {state.phase === 'loaded' && state.rows.length === 0 && <p>{words.none}</p>}
      {state.phase === 'loaded' && state.rows.length > 0 && (
        <>
          <button type="button" onClick={() => exportSummary(state.rows, state.period)} className={secondaryButtonClass}>
            {words.csv}
          </button>
          {summarise(state.rows).map((beat) => {
            const beatId = `${ids}-beat-${beat.beat ?? 'none'}`;
            return (
              <section key={beat.beat ?? 'none'} aria-labelledby={beatId} className="space-y-4">
                <h3 id={beatId} className="text-xl font-bold">
                  {beat.beat === null ? words.noBeat : format(words.beat, { beat: beat.beat })} · {beat.total === 1 ? words.itemsOne : format(words.items, { count: beat.total })}
                </h3>
                {beat.kinds.map((table) => {
                  const captionId = `${beatId}-${table.kind}`;
                  return (
                    <div key={table.kind} role="region" aria-labelledby={captionId} tabIndex={0} className="overflow-x-auto">
                      <table className="min-w-full border-collapse text-left">
                        <caption id={captionId} className="py-1 text-left font-semibold">
                          {ws.t.inbox.kinds[table.kind]}
                        </caption>
                        <thead>
                          <tr className="border-b-2 border-slate-600">
                            <th scope="col" className="py-1 pr-4">
                              {words.category}
                            </th>
                            {table.statuses.map((status) => (
                              <th key={status} scope="col" className="px-2 py-1 text-right">
                                {ws.status(table.kind, status)}
                              </th>
                            ))}
                            <th scope="col" className="py-1 pl-2 text-right">
                              {words.total}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {table.rows.map((row) => (
                            <tr key={row.category ?? ''} className="border-b border-slate-300">
                              <th scope="row" className="py-1 pr-4 font-normal">
                                {category(table.kind, row.category)}
                              </th>
                              {table.statuses.map((status) => (
                                <td key={status} className="px-2 py-1 text-right tabular-nums">
                                  {row.counts[status] ?? 0}
                                </td>
                              ))}
                              <td className="py-1 pl-2 text-right font-semibold tabular-nums">{row.total}</td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr className="border-t-2 border-slate-600">
                            <th scope="row" className="py-1 pr-4">
                              {words.total}
                            </th>
                            {table.statuses.map((status) => (
                              <td key={status} className="px-2 py-1 text-right font-semibold tabular-nums">
                                {table.totals[status] ?? 0}
                              </td>
                            ))}
                            <td className="py-1 pl-2 text-right font-semibold tabular-nums">{table.total}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </div>
                  );
                })}
              </section>
            );
          })}
        </>
      )}
      <AlertSubscribers />
    </section>
  );
}
