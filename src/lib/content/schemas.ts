// The content's schemas: what a district, beat, officer, meeting, guide,
// workshop and the site settings are, as the build, `openbeat validate`, the
// import and the staff workspace's forms check them. Only zod here, so that
// the workspace's editors can load the same rules in the browser.
import { z } from 'astro/zod';
import { idMaxLength, idPattern } from '../ids.ts';
/** An id that appears in URLs and file names: beat "0111", district "1", workshop "robbery-prevention". */
export const idSchema = z.string().regex(idPattern, 'use letters, digits, - and _ only');

/**
 * An officer's slug, "maria-lopez": the file's name in officers/, the page's
 * address, and what a staff account names its profile by, so the database's
 * rule (private.valid_officer_slug).
 */
export const officerSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and - only, as in maria-lopez (an officer's slug)")
  .max(idMaxLength.officer, `use at most ${idMaxLength.officer} characters`);

/** What each collection's file names (its entries' ids) may be; the database checks the same. */
export const entryIdSchemas = {
  districts: idSchema.max(idMaxLength.district, `use at most ${idMaxLength.district} characters`),
  beats: idSchema.max(idMaxLength.beat, `use at most ${idMaxLength.beat} characters`),
  officers: officerSlugSchema,
  meetings: idSchema.max(idMaxLength.meeting, `use at most ${idMaxLength.meeting} characters`),
  workshops: idSchema.max(idMaxLength.workshop, `use at most ${idMaxLength.workshop} characters`),
  priorities: idSchema.max(idMaxLength.priority, `use at most ${idMaxLength.priority} characters`),
};

/** [longitude, latitude] in WGS 84, as GeoJSON orders them. */
export const lonLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const ringSchema = z
  .array(lonLatSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => {
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    return first[0] === last[0] && first[1] === last[1];
  }, 'a ring must end where it starts');

const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) });
const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1)).min(1),
});
/** A beat's or district's area: a GeoJSON Polygon or MultiPolygon (holes allowed). */
export const areaSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);

/** IETF language tags (en, es, pl, zh-Hans, ase for ASL …), checked by Intl. */
const languageSchema = z.string().refine((tag) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}, 'use a language tag such as en, es or zh-Hans');

const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'use an IANA time zone such as America/Chicago');

const placeSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  location: lonLatSchema,
});

const contactSchema = z.object({
  email: z.email().optional(),
  phone: z.string().min(3).optional(),
  officeHours: z.string().optional(),
});

/** The languages the portal has words for (src/lib/i18n/locales/); the database's public.site_locale. */
export const siteLocales = ['en', 'es'] as const;

// What differs between deployments, one setting each, with why it is there.
export const siteSchema = z.object({
  jurisdiction: z.string().min(1).describe('the place residents recognise, in titles and headings'),
  department: z.string().min(1).describe('who runs the portal and answers what residents send'),
  timeZone: timeZoneSchema.describe('meeting times are shown, and recur, in this zone'),
  locales: z.array(z.enum(siteLocales)).min(1).default(['en']).describe('the languages the portal is published in; the first is the default'),
  emergencyNumber: z.string().min(2).describe('every form says the portal is not an emergency line, and what to call instead'),
  nonEmergencyNumber: z.string().min(2).describe('where to call for urgent matters that are not emergencies'),
  contact: contactSchema.extend({ address: z.string().optional() }).default({}).describe('how to reach the department about the portal itself'),
  map: z
    .object({
      center: lonLatSchema,
      bounds: z.tuple([lonLatSchema, lonLatSchema]).describe('[south-west, north-east]: the service area'),
    })
    .describe('where maps open, and the area the finder accepts'),
  postal: z
    .object({
      state: z.string().regex(/^[A-Za-z]{2}$/).optional().describe('USPS code: an address typed with another state is outside'),
      cities: z.array(z.string().min(1)).default([]).describe('city names its addresses use besides the jurisdiction: any other is outside'),
      zips: z.array(z.string().regex(/^\d{5}$/)).default([]).describe('its ZIP codes, when listed: any other is outside'),
    })
    .optional()
    .describe('where its postal addresses are, so the finder tells an address elsewhere from a misspelt one'),
  sampleData: z.boolean().default(false).describe('marks every page as sample data, so a demo is never taken for a real department'),
});

/**
 * The street network (streets.geojson, not a collection: only the finder's
 * geocoder reads it), one block of one street a feature. See src/lib/geo/streets.ts.
 */
const houseNumberSchema = z.number().int().min(0);
export const streetNetworkSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(lonLatSchema).min(2) }),
      properties: z.object({
        name: z.string().min(1),
        prefix: z.enum(['N', 'S', 'E', 'W']).optional(),
        fromLeft: houseNumberSchema,
        toLeft: houseNumberSchema,
        fromRight: houseNumberSchema,
        toRight: houseNumberSchema,
      }),
    }),
  ),
});

export const districtSchema = z.object({
  name: z.string().min(1),
  station: placeSchema
    .extend({ phone: z.string().min(3), email: z.email().optional(), hours: z.string().min(1) })
    .optional()
    .describe('the district station; imported geography has none until the department adds it'),
  boundary: areaSchema,
});

export const beatSchema = z.object({
  name: z.string().min(1),
  district: idSchema,
  boundary: areaSchema,
  neighbourhoods: z.array(z.string().min(1)).default([]),
});

export const officerRoles = [
  'community_policing_officer',
  'beat_officer',
  'sergeant',
  'lieutenant',
  'commander',
  'coordinator',
  'youth_officer',
  'liaison_officer',
] as const;

export const officerSchema = ({ image }: { image: () => z.ZodType }) =>
  z
    .object({
      name: z.string().min(1),
      rank: z.string().min(1),
      role: z.enum(officerRoles),
      beats: z.array(idSchema).default([]),
      district: idSchema.optional().describe('for officers who serve a whole district rather than beats'),
      photo: image().optional().describe('a portrait; without one the portal shows an accessible placeholder'),
      photoAlt: z.string().optional(),
      languages: z.array(languageSchema).min(1),
      contact: contactSchema,
      bio: z.string().default(''),
    })
    // Coordinators serve the whole jurisdiction; everyone else beats or a district.
    .refine((officer) => officer.beats.length > 0 || officer.district !== undefined || officer.role === 'coordinator', {
      message: 'an officer serves beats, a district, or both',
      path: ['beats'],
    });

/** A local wall-clock time, e.g. 2026-01-13T18:30, in the meeting's time zone. */
const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'use YYYY-MM-DDTHH:MM');
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const meetingKinds = ['beat_meeting', 'district_advisory_council', 'watch_training', 'youth', 'business'] as const;

export const meetingExceptionStatuses = ['cancelled', 'moved'] as const;

/**
 * What came of one occurrence of a meeting: written by staff after it, never
 * naming a resident. Priorities are named by id (priorities/<id>.json).
 */
export const meetingReportSchema = z.object({
  date: dateSchema.describe('the local date of the occurrence reported on'),
  attendance: z.number().int().min(0).max(100_000).describe('how many people came'),
  concerns: z.array(z.string().min(1)).max(50).default([]).describe('the concerns residents raised, one a line'),
  priorities: z
    .object({
      set: z.array(idSchema).default([]),
      reviewed: z.array(idSchema).default([]),
      closed: z.array(idSchema).default([]),
    })
    .default({ set: [], reviewed: [], closed: [] })
    .describe('the priorities this meeting set, reviewed or closed'),
  nextSteps: z.string().min(1).max(2000).optional().describe('what happens before the next meeting'),
});

export const meetingSchema = z
  .object({
    title: z.string().min(1),
    kind: z.enum(meetingKinds),
    beats: z.array(idSchema).default([]),
    district: idSchema.optional(),
    venue: placeSchema.extend({ accessibility: z.string().optional() }),
    schedule: z.object({
      start: localDateTimeSchema.describe('the first occurrence (RFC 5545 DTSTART), local time'),
      durationMinutes: z.number().int().min(5).max(24 * 60),
      rrule: z.string().regex(/^FREQ=/, 'an RFC 5545 RRULE value, e.g. FREQ=MONTHLY;BYDAY=2TU').optional()
        .describe('absent for a one-off meeting'),
      timeZone: timeZoneSchema.optional().describe("defaults to the site's time zone"),
    }),
    exceptions: z
      .array(
        z.object({
          date: dateSchema.describe('the local date of the occurrence that changes'),
          status: z.enum(meetingExceptionStatuses),
          movedTo: localDateTimeSchema.optional(),
          venue: placeSchema.extend({ accessibility: z.string().optional() }).optional(),
          note: z.string().optional(),
        }),
      )
      .default([]),
    reports: z
      .array(meetingReportSchema)
      .default([])
      .describe('what came of past occurrences, one a date'),
    updated: localDateTimeSchema
      .refine((text) => text >= '2000-01-01', 'use a time from 2000 on')
      .optional()
      .describe(
        'when the schedule or exceptions last changed, local time; set it (editors and the meetings importer) at every such change and never move it back: calendar feeds number versions by it (SEQUENCE = minutes from 2000-01-01T00:00 to this time, 0 without it), and subscribers keep the version with the highest number',
      ),
    languages: z.array(languageSchema).min(1).default(['en']),
    online: z.url().optional(),
  })
  .refine((meeting) => meeting.beats.length > 0 || meeting.district !== undefined, {
    message: 'a meeting belongs to beats, a district, or both',
    path: ['beats'],
  })
  .refine((meeting) => new Set(meeting.reports.map((report) => report.date)).size === meeting.reports.length, {
    message: 'one report a date',
    path: ['reports'],
  });

/** The SARA problem-solving model's stages: scanning, analysis, response, assessment. */
export const saraStages = ['scanning', 'analysis', 'response', 'assessment'] as const;
export const prioritySources = ['meeting', 'residents', 'analysis'] as const;
export const priorityOutcomes = ['resolved', 'improved', 'not_resolved'] as const;

/**
 * A beat priority (priorities/<id>.json): a problem residents and officers
 * chose to work on, in their words, never a resident's name or address.
 * Open while it has no outcome, and then it always has a next review date.
 */
export const prioritySchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(2000),
    beats: z.array(idSchema).default([]),
    district: idSchema.optional().describe('for a priority of a whole district'),
    source: z.enum(prioritySources).describe('where it came from: a beat meeting, residents\' suggestions, or crime analysis'),
    sourceMeeting: z
      .object({ meeting: idSchema, date: dateSchema })
      .optional()
      .describe('the meeting occurrence that chose it, for a priority from a meeting'),
    stage: z.enum(saraStages).default('scanning'),
    opened: dateSchema,
    reviewBy: dateSchema.optional().describe('when it is next reviewed; an open priority always has one'),
    updates: z
      .array(
        z.object({
          date: dateSchema,
          stage: z.enum(saraStages).describe('the stage it was in when this was written'),
          text: z.string().min(1).max(2000).describe('what was done, what changed'),
        }),
      )
      .default([])
      .describe('dated public updates, oldest first'),
    outcome: z
      .object({
        result: z.enum(priorityOutcomes),
        text: z.string().min(1).max(2000).describe('why: what changed, or what stood in the way'),
        closed: dateSchema,
      })
      .optional()
      .describe('how it ended; a priority with an outcome is closed'),
    supporters: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('how many residents said it matters to them: counted by the database at each publish, never written in a file'),
  })
  .refine((priority) => priority.beats.length > 0 || priority.district !== undefined, {
    message: 'a priority belongs to beats, a district, or both',
    path: ['beats'],
  })
  .refine((priority) => priority.sourceMeeting === undefined || priority.source === 'meeting', {
    message: 'only a priority from a meeting names its meeting',
    path: ['sourceMeeting'],
  })
  .refine((priority) => (priority.outcome === undefined) === (priority.reviewBy !== undefined), {
    message: 'an open priority needs a next review date, and a closed one has none',
    path: ['reviewBy'],
  })
  .refine((priority) => (priority.reviewBy ?? priority.opened) >= priority.opened, {
    message: 'review it after it was opened',
    path: ['reviewBy'],
  })
  .refine((priority) => (priority.outcome?.closed ?? priority.opened) >= priority.opened, {
    message: 'close it after it was opened',
    path: ['outcome', 'closed'],
  });

export const guideAudiences = ['residents', 'businesses', 'youth', 'watch_groups'] as const;

export const guideSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  audience: z.array(z.enum(guideAudiences)).min(1),
  topics: z.array(z.string().min(1)).min(1),
  checklist: z.array(z.string().min(1)).default([]),
});

export const workshopKinds = ['workshop', 'survey'] as const;

export const workshopSchema = z.object({
  title: z.string().min(1),
  kind: z.enum(workshopKinds),
  description: z.string().min(1),
  durationMinutes: z.number().int().min(15),
  minimumAttendees: z.number().int().min(1),
});
