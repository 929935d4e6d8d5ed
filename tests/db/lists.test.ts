// Statuses, categories, roles and the content's kinds and languages are written once in
// SQL, as enums (see the migrations); the TypeScript copies must name the same values, or a
// form would offer what the database refuses, or staff would never see a status.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { meetingExceptionStatuses, meetingKinds, officerRoles, siteLocales, workshopKinds } from '../../src/content.config.ts';
import { itemKinds, openStatuses, staffRoles, statusesOf } from '../../src/features/staff/workspace/records.ts';
import { tipCategories } from '../../src/features/tips/tip.schema.ts';
import { tipStatuses } from '../../src/features/tips/tipStatus.ts';
import { meetingPreferences } from '../../src/features/watch/watch.schema.ts';
import { watchGroupStatuses } from '../../src/features/watch/watchStatus.ts';
import { workshopStatuses } from '../../src/features/workshops/workshopStatus.ts';

const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
beforeAll(() => db.connect());
afterAll(() => db.end());

async function labels(enumType: string): Promise<string[]> {
  const { rows } = await db.query<{ label: string }>(
    `select e.enumlabel as label from pg_enum as e where e.enumtypid = $1::regtype order by e.enumsortorder`,
    [enumType],
  );
  return rows.map((row) => row.label);
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('the TypeScript lists name what the database accepts', () => {
  it.each([
    ['public.tip_category', 'tipCategories (tips/tip.schema.ts)', tipCategories],
    ['public.tip_status', 'tipStatuses (tips/tipStatus.ts)', tipStatuses],
    ['public.tip_status', 'statusesOf.tip (staff/records.ts)', statusesOf.tip],
    ['public.watch_group_status', 'watchGroupStatuses (watch/watchStatus.ts)', watchGroupStatuses],
    ['public.watch_group_status', 'statusesOf.watch_group (staff/records.ts)', statusesOf.watch_group],
    ['public.meeting_preference', 'meetingPreferences (watch/watch.schema.ts)', meetingPreferences],
    ['public.workshop_request_status', 'workshopStatuses (workshops/workshopStatus.ts)', workshopStatuses],
    ['public.workshop_request_status', 'statusesOf.workshop_request (staff/records.ts)', statusesOf.workshop_request],
    ['public.staff_role', 'staffRoles (staff/records.ts)', staffRoles],
    ['public.site_locale', 'siteLocales (content.config.ts)', siteLocales],
    ['public.officer_role', 'officerRoles (content.config.ts)', officerRoles],
    ['public.meeting_kind', 'meetingKinds (content.config.ts)', meetingKinds],
    ['public.meeting_exception_status', 'meetingExceptionStatuses (content.config.ts)', meetingExceptionStatuses],
    ['public.workshop_kind', 'workshopKinds (content.config.ts)', workshopKinds],
  ] as const)('%s is %s', async (enumType, _list, values) => {
    expect(sorted(await labels(enumType))).toEqual(sorted(values));
  });

  it('what the inbox counts as open are statuses the database knows', async () => {
    for (const kind of itemKinds) {
      const known = await labels(`public.${kind}_status`);
      expect(known, kind).toEqual(expect.arrayContaining([...openStatuses[kind]]));
    }
  });

  it('the staff history is about the items staff handle, and staff accounts', async () => {
    expect(sorted(await labels('public.history_kind'))).toEqual(sorted([...itemKinds, 'staff_member']));
  });
});
