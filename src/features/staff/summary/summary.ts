// The weekly summary per beat: what staff_summary counts (by beat, kind,
// category and status) laid out as one table per beat and kind, with
// categories down and statuses across, for beat meetings and for the scanning
// step of SARA; and the periods it is asked for.
import type { Cell } from '../workspace/csv.ts';
import { itemKinds, statusesOf, type ItemKind } from '../workspace/records.ts';
import { addDays, instantOf, wallTime } from '../workspace/zonedTime.ts';

export interface SummaryRow {
  beat: string | null;
  kind: ItemKind;
  category: string | null;
  status: string;
  items: number | string;
}

export interface KindTable {
  kind: ItemKind;
  statuses: readonly string[];
  rows: Array<{ category: string | null; counts: Record<string, number>; total: number }>;
  totals: Record<string, number>;
  total: number;
}

export interface BeatSummary {
  beat: string | null;
  total: number;
  kinds: KindTable[];
}

const byBeat = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true }));

export function summarise(rows: readonly SummaryRow[]): BeatSummary[] {
  const beats = [...new Set(rows.map((row) => row.beat))].sort(byBeat);
  return beats.map((beat) => {
    const ofBeat = rows.filter((row) => row.beat === beat);
    const kinds = itemKinds
      .map((kind): KindTable => {
        const ofKind = ofBeat.filter((row) => row.kind === kind);
        const categories = [...new Set(ofKind.map((row) => row.category))].sort(byBeat);
        const tableRows = categories.map((category) => {
          const counts: Record<string, number> = {};
          for (const row of ofKind.filter((r) => r.category === category)) counts[row.status] = (counts[row.status] ?? 0) + Number(row.items);
          return { category, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
        });
        const totals: Record<string, number> = {};
        for (const row of ofKind) totals[row.status] = (totals[row.status] ?? 0) + Number(row.items);
        return { kind, statuses: statusesOf[kind], rows: tableRows, totals, total: tableRows.reduce((sum, row) => sum + row.total, 0) };
      })
      .filter((table) => table.total > 0);
    return { beat, kinds, total: kinds.reduce((sum, table) => sum + table.total, 0) };
  });
}

export interface Period {
  since: Date;
  until: Date;
}

/** The last seven days up to now. */
export function lastSevenDays(now: Date): Period {
  return { since: new Date(now.getTime() - 7 * 86_400_000), until: now };
}

/** Seven days from local midnight of a date (YYYY-MM-DD) in the jurisdiction's zone. */
export function weekFrom(date: string, timeZone: string): Period {
  return { since: instantOf(`${date}T00:00`, timeZone), until: instantOf(`${addDays(date, 7)}T00:00`, timeZone) };
}

/** The Monday of the week before the one holding `now`, local: the usual "last week". */
export function previousMonday(now: Date, timeZone: string): string {
  const today = wallTime(now, timeZone).slice(0, 10);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, -weekday - 7);
}

export interface SummaryCsvWords {
  columns: { beat: string; kind: string; category: string; status: string; items: string };
  kind(kind: ItemKind): string;
  status(kind: ItemKind, status: string): string;
  category(kind: ItemKind, category: string | null): string;
}

export function summaryCsvRows(rows: readonly SummaryRow[], words: SummaryCsvWords): Cell[][] {
  const { columns } = words;
  const ordered = [...rows].sort(
    (a, b) =>
      byBeat(a.beat, b.beat) ||
      itemKinds.indexOf(a.kind) - itemKinds.indexOf(b.kind) ||
      byBeat(a.category, b.category) ||
      (statusesOf[a.kind] as readonly string[]).indexOf(a.status) - (statusesOf[b.kind] as readonly string[]).indexOf(b.status),
  );
  return [
    [columns.beat, columns.kind, columns.category, columns.status, columns.items],
    ...ordered.map((row) => [row.beat, words.kind(row.kind), words.category(row.kind, row.category), words.status(row.kind, row.status), Number(row.items)]),
  ];
}
