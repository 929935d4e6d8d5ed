// What a tip must be, for the form. submit_tip() in supabase/migrations checks
// the same rules, and tests/db/tips.test.ts proves the two agree.
// zod/mini: the same validation in about a tenth of the browser bytes of classic zod.
import * as z from 'zod/mini';
import { characters, contactLimits, email, language, optionalText, phone } from '../../lib/forms/contact.schema.ts';
import { firstErrors } from '../../lib/forms/fieldErrors.ts';
import { idField, idMaxLength } from '../../lib/ids.ts';

export const tipCategories = [
  'suspicious_activity',
  'drug_activity',
  'vandalism_graffiti',
  'traffic_speeding',
  'noise',
  'abandoned_vehicle',
  'problem_property',
  'quality_of_life',
  'other',
] as const;

export type TipCategory = (typeof tipCategories)[number];

export const descriptionLength = { min: 20, max: 5000 } as const;
export const detailsLength = 1000;

const year = 365 * 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

/** Error codes, not sentences: the form words them in the reader's language. */
export const tipSchema = z.object({
  category: z.enum(tipCategories, { error: 'category.missing' }),
  /** A beat id, as the content files name them; the form offers only real beats. */
  beat: z.optional(idField(idMaxLength.beat, 'beat.unknown')),
  /** The address, as the finder's geocoder matched it. */
  place: optionalText(200, 'place.tooLong'),
  /** A point picked on the map or found for the address; both or neither. */
  latitude: z.optional(z.number({ error: 'point.invalid' }).check(z.gte(-90, { error: 'point.invalid' }), z.lte(90, { error: 'point.invalid' }))),
  longitude: z.optional(z.number({ error: 'point.invalid' }).check(z.gte(-180, { error: 'point.invalid' }), z.lte(180, { error: 'point.invalid' }))),
  /** When it happened (an instant); absent when unknown or ongoing. */
  occurred_at: z.optional(
    z.iso.datetime({ offset: true, error: 'occurredAt.outOfRange' }).check(
      z.refine((text) => {
        const at = Date.parse(text);
        return at <= Date.now() + hour && at >= Date.now() - year;
      }, { error: 'occurredAt.outOfRange' }),
    ),
  ),
  /** It keeps happening. */
  ongoing: z.optional(z.boolean()),
  description: z.string({ error: 'description.tooShort' }).check(
    z.trim(),
    z.refine((text) => characters(text) >= descriptionLength.min, { error: 'description.tooShort' }),
    z.refine((text) => characters(text) <= descriptionLength.max, { error: 'description.tooLong' }),
  ),
  /** Behaviour, clothing and vehicles, never appearance: the form says why. */
  vehicle_description: optionalText(detailsLength, 'vehicleDescription.tooLong'),
  person_description: optionalText(detailsLength, 'personDescription.tooLong'),
  /** Only if the resident wants to be contacted. */
  contact_name: optionalText(contactLimits.name, 'contactName.invalid'),
  contact_email: z.optional(email('contactEmail.invalid')),
  contact_phone: z.optional(phone('contactPhone.invalid')),
  contact_language: z.optional(language('contactLanguage.invalid')),
}).check(
  z.refine((tip) => (tip.latitude === undefined) === (tip.longitude === undefined), { error: 'point.invalid', path: ['latitude'] }),
);

export type Tip = z.infer<typeof tipSchema>;
export type TipField = keyof Tip;
export type TipError =
  | 'category.missing'
  | 'description.tooShort'
  | 'description.tooLong'
  | 'beat.unknown'
  | 'place.tooLong'
  | 'point.invalid'
  | 'occurredAt.outOfRange'
  | 'vehicleDescription.tooLong'
  | 'personDescription.tooLong'
  | 'contactName.invalid'
  | 'contactEmail.invalid'
  | 'contactPhone.invalid'
  | 'contactLanguage.invalid';

/** The first problem with each field, or nothing when the tip is valid. */
export const tipErrors = (input: unknown) => firstErrors<TipField, TipError>(tipSchema, input);
