// What the `openbeat import` commands call; each returns a report to print
// and throws ImportError (message: one line per problem) on bad input.
export type { AreaImportReport } from './areas.ts';
export { importBeats } from './beats.ts';
export type { BeatsReport, ImportBeatsOptions } from './beats.ts';
export { importDistricts } from './districts.ts';
export type { DistrictsReport, ImportDistrictsOptions } from './districts.ts';
export { ImportError } from './errors.ts';
export { importMeetings } from './meetings.ts';
export type { ImportMeetingsOptions, MeetingsReport } from './meetings.ts';
export { importStreets } from './streets.ts';
export type { ImportStreetsOptions, StreetFields, StreetsReport } from './streets.ts';
