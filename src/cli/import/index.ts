// What the `openbeat import` commands call, into a content folder (importX)
// or the database (importXRows); each returns a report to print and throws
// ImportError (message: one line per problem) on bad input.
export type { AreaImportReport } from './areas.ts';
export { importBeatRows, importBeats } from './beats.ts';
export type { BeatRowsReport, BeatsReport, ImportBeatRowsOptions, ImportBeatsOptions } from './beats.ts';
export { importDistrictRows, importDistricts } from './districts.ts';
export type { DistrictRowsReport, DistrictsReport, ImportDistrictRowsOptions, ImportDistrictsOptions } from './districts.ts';
export { ImportError } from './errors.ts';
export { importMeetingRows, importMeetings } from './meetings.ts';
export type { ImportMeetingRowsOptions, ImportMeetingsOptions, MeetingRowsReport, MeetingsReport } from './meetings.ts';
export { importOfficerRows, importOfficers } from './officers.ts';
export type { ImportOfficerRowsOptions, ImportOfficersOptions, OfficerRowsReport, OfficersReport } from './officers.ts';
export { describeUpserted } from './store.ts';
export type { Upserted } from './store.ts';
export { importStreets } from './streets.ts';
export type { ImportStreetsOptions, StreetFields, StreetsReport } from './streets.ts';
