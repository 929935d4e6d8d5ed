// Times in the jurisdiction's own zone, whatever zone the staff member's
// computer is set to: a workshop confirmed for 18:00 in Alderbrook is 18:00 on
// the calendar, and a week starts at local midnight.

const clocks = new Map<string, Intl.DateTimeFormat>();
const wallClock = (timeZone: string) => {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    clocks.set(timeZone, clock);
  }
  return clock;
};

/** The wall-clock time an instant shows in a time zone, as YYYY-MM-DDTHH:MM. */
export function wallTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(wallClock(timeZone).formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const minute = 60_000;

function utcOf(local: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new RangeError(`not a local time YYYY-MM-DDTHH:MM: ${local}`);
  const [, year, month, day, hour, minutes] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minutes);
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(time: number, timeZone: string): number {
  const whole = Math.floor(time / minute) * minute;
  return utcOf(wallTime(new Date(whole), timeZone)) - whole;
}

/**
 * The instant a wall-clock time names in a time zone, as Temporal's
 * "compatible" choice: a time the clocks show twice (fall back) is the first
 * of the two; a time they skip (spring forward) moves on by the jump.
 */
export function instantOf(local: string, timeZone: string): Date {
  const wall = utcOf(local);
  const day = 86_400_000;
  // Zones change their offset at most once within a day either side.
  const before = offsetAt(wall - day, timeZone);
  const after = offsetAt(wall + day, timeZone);
  const shows = (time: number) => wallTime(new Date(time), timeZone) === local;
  const candidates = [wall - before, wall - after].filter(shows);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - before);
}

/** A local date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(utcOf(`${date}T00:00`) + days * 86_400_000);
  return moved.toISOString().slice(0, 10);
}
