// The demo city's problem solving: priorities chosen at beat meetings (and one
// by a district's advisory council), at every SARA stage, some closed with an
// outcome and some overdue for review, and the reports of the meetings that
// set, reviewed and closed them. Dates follow each meeting's own schedule up
// to `asOf`, so the demo reads as a city in December 2026, whenever it is built.
import { slugify } from '../../lib/slug.ts';
import { nthWeekday } from './dates.ts';
import { everydayConcerns, problems, type Problem } from './problems.ts';
import type { Random } from './random.ts';

type Entry = { id: string } & Record<string, unknown>;

/** The demo's "today": meetings before it have happened. */
const asOf = '2026-12-01';
const stages = ['analysis', 'response', 'assessment'] as const;

/** What becomes of one priority: how many stages it gets through, and how it ends, if it does. */
type Plan = { updates: 0 | 1 | 2 | 3; outcome?: keyof Problem['outcomes']; overdue?: boolean };
const plans: Plan[] = [
  { updates: 0 },
  { updates: 1 },
  { updates: 2 },
  { updates: 3 },
  { updates: 3, outcome: 'resolved' },
  { updates: 3, outcome: 'improved' },
  { updates: 3, outcome: 'not_resolved' },
  { updates: 1, overdue: true },
];
// The first beat shows each kind of page at once: one in response, one closed, one overdue.
const firstBeatPlans: Plan[] = [{ updates: 2 }, { updates: 3, outcome: 'improved' }, { updates: 1, overdue: true }];

interface Report {
  date: string;
  attendance: number;
  concerns: string[];
  priorities: { set: string[]; reviewed: string[]; closed: string[] };
  nextSteps?: string;
}

/**
 * Adds priorities to the beats that have a beat meeting (and to the first
 * district's council), and to each meeting the reports of its occurrences that
 * acted on them. `streetsOf` names streets of a beat; meetings are changed in
 * place (their `reports`), the priorities returned.
 */
export function makeProblemSolving(random: Random, beats: Entry[], districts: Entry[], meetings: Entry[], streetsOf: (beat: string) => string[]): Entry[] {
  const priorities: Entry[] = [];
  const reports = new Map<string, Map<string, Report>>();
  const reportOn = (meeting: string, date: string): Report => {
    const byDate = reports.get(meeting) ?? reports.set(meeting, new Map()).get(meeting)!;
    return byDate.get(date) ?? byDate.set(date, { date, attendance: 0, concerns: [], priorities: { set: [], reviewed: [], closed: [] } }).get(date)!;
  };

  const add = (where: { beats?: string[]; district?: string }, meeting: Entry, plan: Plan, problem: Problem, street: string, prefix: string) => {
    const dates = occurrences(meeting);
    const past = dates.filter((date) => date < asOf);
    const steps = plan.updates + (plan.outcome ? 1 : 0);
    // Overdue: its last update was long ago, and the review it promised has passed.
    const latestStart = past.length - 1 - steps - (plan.overdue ? 3 : 0);
    if (latestStart < 0) return;
    const start = Math.max(0, latestStart - random.int(3));
    const fill = (text: string) => text.replaceAll('{street}', street).replaceAll('{place}', String((meeting.venue as { name: string }).name));
    const title = fill(problem.title);
    const id = `${prefix}-${slugify(title)}`.slice(0, 80).replace(/-+$/, '');
    const opened = past[start]!;
    const updates = stages.slice(0, plan.updates).map((stage, i) => ({ date: past[start + 1 + i]!, stage, text: fill(problem.updates[stage]) }));
    const closed = plan.outcome ? past[start + steps]! : undefined;
    const last = updates.at(-1)?.date ?? opened;
    priorities.push({
      id,
      title,
      description: fill(problem.description),
      ...(where.beats ? { beats: where.beats } : {}),
      ...(where.district ? { district: where.district } : {}),
      source: problem.source,
      ...(problem.source === 'meeting' ? { sourceMeeting: { meeting: meeting.id, date: opened } } : {}),
      stage: updates.at(-1)?.stage ?? 'scanning',
      opened,
      ...(closed ? {} : { reviewBy: dates.find((date) => date > last && (plan.overdue || date >= asOf))! }),
      updates,
      ...(closed && plan.outcome ? { outcome: { result: plan.outcome, text: fill(problem.outcomes[plan.outcome]), closed } } : {}),
    });
    const opening = reportOn(meeting.id, opened);
    opening.priorities.set.push(id);
    opening.concerns.push(fill(problem.concern));
    for (const update of updates) reportOn(meeting.id, update.date).priorities.reviewed.push(id);
    if (closed) reportOn(meeting.id, closed).priorities.closed.push(id);
  };

  beats.forEach((beat, index) => {
    const meeting = meetings.find((m) => m.id === `beat-${beat.id}`);
    if (!meeting) return;
    const count = index === 0 ? firstBeatPlans.length : random.int(3);
    const streets = random.shuffle(streetsOf(beat.id));
    random.shuffle(problems).slice(0, count).forEach((problem, i) => {
      add({ beats: [beat.id] }, meeting, index === 0 ? firstBeatPlans[i]! : random.pick(plans), problem, streets[i % streets.length]!, beat.id);
    });
  });
  const district = districts[0];
  const council = district && meetings.find((m) => m.id === `dac-${district.id}`);
  if (district && council) {
    const problem = problems.find((p) => !p.title.includes('{'))!;
    add({ district: district.id }, council, { updates: 2 }, problem, '', `district-${district.id}`);
  }

  for (const meeting of meetings) {
    const byDate = reports.get(meeting.id);
    if (!byDate) continue;
    meeting.reports = [...byDate.values()]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((report) => ({
        ...report,
        attendance: 8 + random.int(30),
        concerns: [...report.concerns, ...random.shuffle(everydayConcerns).slice(0, 1 + random.int(2))],
        nextSteps: report.priorities.set.length + report.priorities.reviewed.length > 0
          ? 'Officers report back on each priority at the next meeting.'
          : 'The beat officers follow up the concerns raised.',
      }));
  }
  return priorities;
}

/**
 * The local dates of a demo meeting's occurrences in 2026 and early 2027: the
 * demo writes only FREQ=MONTHLY;[INTERVAL=n;]BYDAY=<n><day> rules, from January.
 */
function occurrences(meeting: Entry): string[] {
  const { start, rrule } = meeting.schedule as { start: string; rrule: string };
  const rule = /^FREQ=MONTHLY;(?:INTERVAL=(\d+);)?BYDAY=(\d)(MO|TU|WE|TH)$/.exec(rrule);
  if (!rule) throw new Error(`${meeting.id}: the demo's priorities expect a monthly meeting (${rrule})`);
  const interval = Number(rule[1] ?? 1);
  const [year, month] = start.split('-').map(Number) as [number, number];
  const dates: string[] = [];
  for (let m = month - 1; m < 12 + 3; m += interval) {
    dates.push(nthWeekday(year + Math.floor(m / 12), (m % 12) + 1, ['MO', 'TU', 'WE', 'TH'].indexOf(rule[3]!), Number(rule[2])));
  }
  return dates;
}
