// The bench's figures as one JSON document (tests/bench/results/<date>.json and
// latest.json) and as short tables on stdout, each figure beside its budget.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildFigures } from './build.ts';
import { budgets, verdict } from './budgets.ts';
import type { BenchCity } from './cities.ts';
import type { Sizes } from './compress.ts';
import type { AnswerCost, BrowserQueryTimes, LookupTimes } from './finder.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { PageWeight } from './pageWeight.ts';
import type { PublishFigures } from './publishTime.ts';
import type { WritePathLevel } from './writePath.ts';
import type { MailFigures } from './mail.ts';
import type { AlertFigures } from './alerts.ts';

export interface BenchResults {
  date: string;
  startedAt: string;
  totalSeconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  budgets: typeof budgets;
  builds: Array<{ city: BenchCity; build: BuildFigures; waitedForOtherBuildsSeconds: number }>;
  growth: Array<{ from: string; to: string; contentFactor: number; timeFactor: number; memoryFactor: number }>;
  pages: Array<PageWeight & { language: string }>;
  finder: Array<{ city: string; lookup?: LookupTimes; answer?: AnswerCost; browserQueries?: BrowserQueryTimes }>;
  lighthouse: LighthouseFigures[];
  writePath: WritePathLevel[];
  publishes: PublishFigures[];
  /** Messages queued at once, sent to the local mail catcher (absent from results written before it was measured). */
  mail?: MailFigures[];
  /** Beat alerts composed after a publish and sent to the local catcher (absent from results written before it was measured). */
  alerts?: AlertFigures[];
  /** What could not be measured on this run, and why. */
  notMeasured: Array<{ what: string; why: string }>;
  /** How figures were taken, where it is not obvious. */
  notes: string[];
}

export function writeResults(results: BenchResults, folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const files = [path.join(folder, `${results.date}.json`), path.join(folder, 'latest.json')];
  for (const file of files) writeFileSync(file, text);
  return files;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
// Two builds on a shared machine differ by a few per cent on their own; growth within 15 % of the content's is linear.
const linearSlack = 1.15;
const sizes = ({ raw, gzip, brotli }: Sizes) => `${kb(raw)}/${kb(gzip)}/${kb(brotli)}`;
const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`;
  return [line(head), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatResults(results: BenchResults): string {
  const out: string[] = [];
  const { machine } = results;
  out.push(`OpenBeat bench, ${results.startedAt} (${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}): ${Math.round(results.totalSeconds)} s in all`);

  if (results.builds.length > 0) {
    out.push('', '1. Build (astro build into a temporary folder; peak = resident memory of the build and its children)');
    out.push(
      table(
        ['jurisdiction', 'beats', 'officers', 'meetings (recurring)', 'pages', 'time', 'peak memory', 'budget'],
        results.builds.map(({ city, build }) => {
          const budget = city.key === 'demo' ? budgets.buildDemo : city.key === 'chicago' ? budgets.buildChicago : undefined;
          const growth = results.growth.find((step) => step.to === city.name && city.key === 'chicago10x');
          return [
            city.name,
            String(city.counts.beats),
            String(city.counts.officers),
            `${city.counts.meetings} (${city.counts.recurringMeetings})`,
            String(build.output.pages),
            `${build.seconds.toFixed(1)} s`,
            build.memoryMeasured ? mib(build.treeRss) : 'not measured',
            budget
              ? `< ${budget.seconds} s: ${verdict(build.seconds < budget.seconds)}`
              : growth
                ? `linear growth: ${verdict(growth.timeFactor <= growth.contentFactor * linearSlack)}`
                : '',
          ];
        }),
      ),
    );
    for (const { city, waitedForOtherBuildsSeconds } of results.builds) {
      if (waitedForOtherBuildsSeconds >= 1) out.push(`  (${city.name}: waited ${Math.round(waitedForOtherBuildsSeconds)} s for another astro build on this machine to end first)`);
    }
    for (const step of results.growth) {
      out.push(
        `  ${step.from} → ${step.to}: content ×${step.contentFactor.toFixed(1)} (beats), time ×${step.timeFactor.toFixed(1)}, memory ×${step.memoryFactor.toFixed(1)}` +
          ` (${step.timeFactor <= step.contentFactor * linearSlack ? 'linear or better' : 'time grows faster than the content: not linear'})`,
      );
    }
  }

  if (results.publishes.length > 0) {
    out.push('', '1b. Save to live: a one-meeting change, from its commit to its beat page served with it (npm start\'s publisher)');
    out.push(
      table(
        ['jurisdiction', 'save → live', 'its build', 'first build of the start', 'budget'],
        results.publishes.map((row) => [
          row.city,
          `${row.saveToLiveSeconds.toFixed(1)} s`,
          `${row.buildSeconds.toFixed(1)} s`,
          `${row.firstBuildSeconds.toFixed(1)} s`,
          row.city === results.builds.find((entry) => entry.city.key === 'chicago')?.city.name
            ? `< ${budgets.publishChicago.seconds} s: ${verdict(row.saveToLiveSeconds < budgets.publishChicago.seconds)}`
            : '',
        ]),
      ),
    );
  }

  if (results.pages.length > 0) {
    out.push('', '2. First load per page type, Chromium, phone screen, empty cache (KB raw/gzip/brotli)');
    out.push(
      table(
        ['page', 'lang', 'requests', 'HTML', 'CSS', 'JS', 'all files', 'budget'],
        results.pages.map((page) => [
          `${page.type} ${page.url}`,
          page.language,
          String(page.requests),
          sizes(page.html),
          sizes(page.css),
          sizes(page.js),
          sizes(page.total),
          budgets.contentPageJs.pages.includes(page.type) ? `JS 0 B: ${verdict(page.js.raw === 0)}` : '',
        ]),
      ),
    );
  }

  if (results.finder.length > 0) {
    out.push('', '3. Finder: address → officer answer (first visit to /find), and time per query');
    out.push(
      table(
        ['jurisdiction', 'answer: requests', 'KB gzip/brotli', 'MapLibre', 'budget ≤ 150 KB, no MapLibre', 'then the map'],
        results.finder
          .filter(({ answer }) => answer)
          .map(({ city, answer }) => [
            city,
            String(answer!.requests),
            `${kb(answer!.bytes.gzip)}/${kb(answer!.bytes.brotli)}`,
            answer!.mapLibreNeeded ? 'loaded' : 'not needed',
            verdict(answer!.bytes.gzip <= budgets.finderAnswer.bytes && !answer!.mapLibreNeeded),
            `${answer!.map.requests} req, ${kb(answer!.map.bytes.gzip)} KB gzip`,
          ]),
      ),
    );
    out.push(
      table(
        ['jurisdiction', 'browser: Find → answer, first', 'later p50/p95', 'Node: geocode p50/p95', 'beat lookup p50/p95', 'suggest p50', 'address files: catalog, all (raw/gzip KB)'],
        results.finder.map(({ city, lookup, browserQueries }) => [
          city,
          browserQueries ? ms(browserQueries.firstMs) : '—',
          browserQueries ? `${browserQueries.laterMs.p50.toFixed(0)}/${browserQueries.laterMs.p95.toFixed(0)} ms (${browserQueries.queries - 1} queries)` : '—',
          lookup ? `${lookup.geocodeMs.p50.toFixed(2)}/${lookup.geocodeMs.p95.toFixed(2)} ms` : '—',
          lookup ? `${lookup.beatLookupMs.p50.toFixed(2)}/${lookup.beatLookupMs.p95.toFixed(2)} ms` : '—',
          lookup ? `${lookup.suggestMs.p50.toFixed(2)} ms` : '—',
          lookup ? `${kb(lookup.addressFiles.catalog.raw)}/${kb(lookup.addressFiles.catalog.gzip)}, ${lookup.addressFiles.files} files ${kb(lookup.addressFiles.all.raw)}/${kb(lookup.addressFiles.all.gzip)}` : '—',
        ]),
      ),
    );
  }

  if (results.lighthouse.length > 0) {
    const lh = budgets.lighthouse;
    out.push('', `4. Lighthouse, mobile (default config), English pages; budget: ${lh.text}`);
    out.push(
      table(
        ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'TBT', 'CLS', 'budget'],
        results.lighthouse.map((page) => [
          `${page.type} ${page.url}`,
          String(page.performance ?? '—'),
          String(page.accessibility ?? '—'),
          String(page.bestPractices ?? '—'),
          String(page.seo ?? '—'),
          ms(page.lcpMs),
          ms(page.tbtMs),
          page.cls === null ? '—' : page.cls.toFixed(3),
          verdict(
            (page.performance ?? 0) >= lh.performance &&
              (page.accessibility ?? 0) >= lh.accessibility &&
              (page.bestPractices ?? 0) >= lh.bestPractices &&
              // The staff workspace asks search engines to stay away (noindex): that SEO audit is its purpose.
              ((page.seo ?? 0) >= lh.seo || (page.type === 'staff sign-in' && page.failing.every((audit) => audit.startsWith('seo: is-crawlable')))),
          ),
        ]),
      ),
    );
    const failing = new Map<string, string[]>();
    for (const page of results.lighthouse) for (const audit of page.failing) failing.set(audit, [...(failing.get(audit) ?? []), page.type]);
    for (const [audit, pages] of failing) out.push(`  losing points: ${audit}, on ${pages.length === results.lighthouse.length ? 'every page type' : pages.join(', ')}`);
    const warnings = [...new Set(results.lighthouse.flatMap((page) => page.warnings))];
    for (const warning of warnings) out.push(`  Lighthouse warns: ${warning}`);
  }

  if (results.writePath.length > 0) {
    const sub = budgets.submissions;
    out.push('', `5. Write path through the gateway, ${results.writePath[0]!.tips.seconds.toFixed(0)} s per run; budget at ${sub.connections} clients: ${sub.text.replace(/^\d+ clients: /, '')}`);
    out.push(
      table(
        ['clients', 'from', 'tips/s', 'p50/p95/p99', 'errors', 'stored', 'lost', 'dup.', 'scratch inserts/s', 'p50/p95/p99', 'cost (×/s, ×p99)', 'budget'],
        results.writePath.map(({ connections, addresses, tips, scratch, throughputRatio, p99Ratio }) => {
          const errors = tips.errors + tips.timeouts + (tips.requests - tips.ok);
          return [
            String(connections),
            addresses === 'own' ? 'own addresses' : 'one address',
            tips.perSecond.toFixed(0),
            `${tips.latencyMs.p50.toFixed(0)}/${tips.latencyMs.p95.toFixed(0)}/${tips.latencyMs.p99.toFixed(0)} ms`,
            String(errors),
            String(tips.stored),
            String(tips.lost),
            String(tips.duplicated),
            scratch.perSecond.toFixed(0),
            `${scratch.latencyMs.p50.toFixed(0)}/${scratch.latencyMs.p95.toFixed(0)}/${scratch.latencyMs.p99.toFixed(0)} ms`,
            `${throughputRatio.toFixed(1)}, ${p99Ratio.toFixed(1)}`,
            connections === sub.connections && addresses === 'own'
              ? verdict(tips.latencyMs.p99 < sub.p99Ms && errors === 0 && tips.lost === 0 && tips.duplicated === 0)
              : '',
          ];
        }),
      ),
    );
  }

  if (results.mail && results.mail.length > 0) {
    out.push('', '6. Mail, queued in one transaction, to the local catcher');
    out.push(table(['messages', 'all caught in', 'messages/s'], results.mail.map(({ messages, seconds, messagesPerSecond }) => [String(messages), `${seconds.toFixed(1)} s`, String(messagesPerSecond)])));
  }

  if (results.alerts && results.alerts.length > 0) {
    out.push('', '7. Beat alerts after a publish, to the local catcher');
    out.push(
      table(
        ['subscribers', 'composed in', 'publish → last alert caught', 'alerts/s', 'not exactly once'],
        results.alerts.map(({ subscribers, composeSeconds, seconds, alertsPerSecond, notExactlyOnce }) => [String(subscribers), `${composeSeconds.toFixed(2)} s`, `${seconds.toFixed(1)} s`, String(alertsPerSecond), String(notExactlyOnce)]),
      ),
    );
  }

  if (results.notMeasured.length > 0) {
    out.push('', 'Not measured:');
    for (const { what, why } of results.notMeasured) out.push(`  - ${what}: ${why}`);
  }
  if (results.notes.length > 0) {
    out.push('', 'Notes:');
    for (const note of results.notes) out.push(`  - ${note}`);
  }
  return out.join('\n');
}
