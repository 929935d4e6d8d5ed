import { describe, expect, it } from 'vitest';
import { addDays, instantOf, wallTime } from './zonedTime.ts';

const chicago = 'America/Chicago';

describe('times in the jurisdiction’s zone', () => {
  it('shows an instant as the zone’s wall clock, whatever the computer’s zone', () => {
    expect(wallTime(new Date('2026-07-01T23:30:00Z'), chicago)).toBe('2026-07-01T18:30');
    expect(wallTime(new Date('2026-01-01T05:59:00Z'), chicago)).toBe('2025-12-31T23:59');
    expect(wallTime(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00');
  });

  it('finds the instant of a wall-clock time, in summer and in winter', () => {
    expect(instantOf('2026-07-01T18:30', chicago).toISOString()).toBe('2026-07-01T23:30:00.000Z');
    expect(instantOf('2026-01-13T18:00', chicago).toISOString()).toBe('2026-01-14T00:00:00.000Z');
  });

  it('takes the first of a time shown twice, and moves a skipped time past the jump', () => {
    // Clocks go back from 02:00 CDT to 01:00 CST on 1 November 2026.
    expect(instantOf('2026-11-01T01:30', chicago).toISOString()).toBe('2026-11-01T06:30:00.000Z');
    // Clocks go forward from 02:00 CST to 03:00 CDT on 8 March 2026.
    expect(instantOf('2026-03-08T02:30', chicago).toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(wallTime(instantOf('2026-03-08T02:30', chicago), chicago)).toBe('2026-03-08T03:30');
  });

  it('goes there and back again for every hour of a year', () => {
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      expect(instantOf(wallTime(instant, chicago), chicago).getTime()).toBeLessThanOrEqual(instant.getTime());
      expect(wallTime(instantOf(wallTime(instant, chicago), chicago), chicago)).toBe(wallTime(instant, chicago));
    }
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses what is not a local time', () => {
    expect(() => instantOf('18:30', chicago)).toThrow(RangeError);
  });
});
