// What a request for a workshop or a security survey must be, for the form.
// request_workshop() in supabase/migrations checks the same rules, and
// tests/db/workshopRules.test.ts proves the two agree. The one rule the
// database cannot know is which workshops are surveys (the catalogue is content
// files): the form asks for attendees unless the chosen one is a survey.
import * as z from 'zod/mini';
import { characters, email, language, personName, phone } from '../../lib/forms/contact.schema.ts';
import { firstErrors } from '../../lib/forms/fieldErrors.ts';
import { idField, idMaxLength } from '../../lib/ids.ts';

export const workshopLimits = { business_name: 200, address: 300, notes: 2000, attendees: { min: 1, max: 1000 } } as const;
export const preferredTimeCount = { min: 2, max: 3 } as const;
/** Preferred times may be this many days ahead: 365, as in the SQL, so both agree across a leap day. */
export const bookingHorizonDays = 365;

const day = 24 * 60 * 60 * 1000;

// Lengths are refinements, not z.maxLength: zod stops every other check at a too-long
// value, and the form should still name each field that is wrong.
const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).check(
    z.trim(),
    z.refine((text) => characters(text) >= 1, { error: missing }),
    z.refine((text) => characters(text) <= max, { error: tooLong }),
  );

/** Text that may be left out: blank is the same as not given, as private.trimmed() makes it in SQL. */
const blankIsAbsent = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)),
    z.optional(schema),
  );

const coordinate = (limit: number, error: string) => z.optional(z.number({ error }).check(z.gte(-limit, { error }), z.lte(limit, { error })));

/** An instant after now and no more than a year ahead, given with its offset. */
const preferredTime = z.iso.datetime({ offset: true, error: 'preferredTimes.outOfRange' }).check(
  z.refine(
    (text) => {
      const at = Date.parse(text);
      return at > Date.now() && at <= Date.now() + bookingHorizonDays * day;
    },
    { error: 'preferredTimes.outOfRange' },
  ),
);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const blank = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

/** Error codes, not sentences: the form words them in the reader's language. */
export const workshopRequestSchema = z
  .object({
    /** A workshop id, as the content files name them; the form offers only real ones. */
    workshop: idField(idMaxLength.workshop, 'workshop.missing'),
    business_name: requiredText(workshopLimits.business_name, 'businessName.missing', 'businessName.tooLong'),
    address: requiredText(workshopLimits.address, 'address.missing', 'address.tooLong'),
    /** Derived from the address by the finder's lookup, when it found one. */
    beat: z.optional(idField(idMaxLength.beat, 'beat.unknown')),
    latitude: coordinate(90, 'latitude.invalid'),
    longitude: coordinate(180, 'longitude.invalid'),
    contact_name: personName('contactName.missing'),
    contact_email: blankIsAbsent(email('contactEmail.invalid')),
    contact_phone: blankIsAbsent(phone('contactPhone.invalid')),
    /** The language to be contacted in; the form preselects the page's. */
    contact_language: z.optional(language('contactLanguage.invalid')),
    /** Absent for a survey of premises. */
    attendees: z.optional(
      z.int({ error: 'attendees.outOfRange' }).check(
        z.gte(workshopLimits.attendees.min, { error: 'attendees.outOfRange' }),
        z.lte(workshopLimits.attendees.max, { error: 'attendees.outOfRange' }),
      ),
    ),
    preferred_times: z.array(preferredTime, { error: 'preferredTimes.count' }).check(
      z.refine((times) => times.length >= preferredTimeCount.min && times.length <= preferredTimeCount.max, { error: 'preferredTimes.count' }),
      z.refine((times) => new Set(times.map((time) => Date.parse(time))).size === times.length, { error: 'preferredTimes.same' }),
    ),
    notes: blankIsAbsent(
      z.string().check(
        z.trim(),
        z.refine((text) => characters(text) <= workshopLimits.notes, { error: 'notes.tooLong' }),
      ),
    ),
  })
  .check(
    // Rules across fields are checked even when other fields are wrong, so every problem shows at once.
    z.refine((request) => !(blank(request.contact_email) && blank(request.contact_phone)), {
      error: 'contact.missing',
      path: ['contact_email'],
      when: ({ value }) => isObject(value),
    }),
    z.refine((request) => !(request.latitude === undefined && request.longitude !== undefined), {
      error: 'latitude.invalid',
      path: ['latitude'],
      when: ({ value }) => isObject(value),
    }),
    z.refine((request) => !(request.longitude === undefined && request.latitude !== undefined), {
      error: 'longitude.invalid',
      path: ['longitude'],
      when: ({ value }) => isObject(value),
    }),
  );


export type WorkshopRequest = z.infer<typeof workshopRequestSchema>;
export type WorkshopRequestField = keyof WorkshopRequest;
export type WorkshopRequestError =
  | 'workshop.missing'
  | 'businessName.missing'
  | 'businessName.tooLong'
  | 'address.missing'
  | 'address.tooLong'
  | 'beat.unknown'
  | 'latitude.invalid'
  | 'longitude.invalid'
  | 'contactName.missing'
  | 'contactEmail.invalid'
  | 'contactPhone.invalid'
  | 'contact.missing'
  | 'contactLanguage.invalid'
  | 'attendees.missing'
  | 'attendees.outOfRange'
  | 'preferredTimes.count'
  | 'preferredTimes.outOfRange'
  | 'preferredTimes.same'
  | 'notes.tooLong';

export interface RequestContext {
  /** A workshop is given to a group, so it needs a head count; a survey of premises does not. */
  attendeesRequired?: boolean;
}

/** The first problem with each field, or nothing when the request is valid. */
export function workshopRequestErrors(input: unknown, { attendeesRequired = false }: RequestContext = {}): Partial<Record<WorkshopRequestField, WorkshopRequestError>> {
  const errors = firstErrors<WorkshopRequestField, WorkshopRequestError>(workshopRequestSchema, input);
  if (attendeesRequired && (!isObject(input) || input.attendees === undefined)) errors.attendees ??= 'attendees.missing';
  return errors;
}
