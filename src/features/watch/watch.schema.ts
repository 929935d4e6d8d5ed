// What a watch-group registration and a request to join a group must be, for
// the forms. register_watch_group() and join_watch_group() in
// supabase/migrations check the same rules in the same order, and
// tests/db/watchRules.test.ts proves the two agree. Fields are named as the SQL
// functions' arguments are, so a refusal from either lands on the same field.
import * as z from 'zod/mini';
import { characters, email, optionalText, personName, phone } from '../../lib/forms/contact.schema.ts';
import { firstErrors } from '../../lib/forms/fieldErrors.ts';
import { idField, idMaxLength } from '../../lib/ids.ts';
import { isWatchAreaShape, maxAreaPositions, positionCount, type WatchArea } from './watchArea.ts';

export const meetingPreferences = ['weekday_evenings', 'weekends', 'online', 'no_preference'] as const;
export type MeetingPreference = (typeof meetingPreferences)[number];

export const watchLimits = {
  groupName: { min: 3, max: 120 },
  meetingNote: 500,
  members: { min: 2, max: 500 },
  block: { min: 3, max: 120 },
} as const;

const trimmedLength = (min: number, max: number, error: string) =>
  z.string({ error }).check(z.trim(), z.refine((text) => characters(text) >= min && characters(text) <= max, { error }));

// The shared contact rules take blank as "not given"; a group always needs a way to reach its people.
const required = (error: string) => z.refine<string>((text) => text !== '', { error });

/** Error codes, not sentences: the forms word them in the reader's language. */
export const registrationSchema = z.object({
  name: trimmedLength(watchLimits.groupName.min, watchLimits.groupName.max, 'name.length'),
  area: z.custom<WatchArea>((value) => value !== undefined && value !== null, { error: 'area.missing' }).check(
    z.refine(isWatchAreaShape, { error: 'area.invalid', abort: true }),
    z.refine((area) => positionCount(area) <= maxAreaPositions, { error: 'area.tooDetailed' }),
  ),
  /** Derived from the area's centre; the form never asks for it. */
  beat: idField(idMaxLength.beat, 'beat.missing'),
  captain_name: personName('captain_name.missing'),
  captain_email: email('captain_email.invalid').check(required('captain_email.invalid')),
  captain_phone: phone('captain_phone.invalid').check(required('captain_phone.invalid')),
  meeting_preference: z.enum(meetingPreferences, { error: 'meeting_preference.missing' }),
  meeting_note: optionalText(watchLimits.meetingNote, 'meeting_note.tooLong'),
  expected_members: z.int({ error: 'expected_members.range' }).check(
    z.minimum(watchLimits.members.min, { error: 'expected_members.range' }),
    z.maximum(watchLimits.members.max, { error: 'expected_members.range' }),
  ),
});

export type WatchRegistration = z.infer<typeof registrationSchema>;
export type RegistrationField = keyof WatchRegistration;
export type RegistrationError =
  | 'name.length'
  | 'area.missing'
  | 'area.invalid'
  | 'area.tooDetailed'
  | 'beat.missing'
  | 'captain_name.missing'
  | 'captain_email.invalid'
  | 'captain_phone.invalid'
  | 'meeting_preference.missing'
  | 'meeting_note.tooLong'
  | 'expected_members.range';

export const joinSchema = z.object({
  /** One of the approved groups the page lists (any UUID form, as Postgres reads them). */
  watch_group_id: z.guid({ error: 'watch_group_id.missing' }),
  name: personName('name.missing'),
  email: email('email.invalid').check(required('email.invalid')),
  block: trimmedLength(watchLimits.block.min, watchLimits.block.max, 'block.length'),
});

export type WatchJoin = z.infer<typeof joinSchema>;
export type JoinField = keyof WatchJoin;
export type JoinError = 'watch_group_id.missing' | 'name.missing' | 'email.invalid' | 'block.length';

/** The first problem with each field, in the form's order, or nothing when the registration is valid. */
export const registrationErrors = (input: unknown) => firstErrors<RegistrationField, RegistrationError>(registrationSchema, input);

/** The first problem with each field, or nothing when the request to join is valid. */
export const joinErrors = (input: unknown) => firstErrors<JoinField, JoinError>(joinSchema, input);
