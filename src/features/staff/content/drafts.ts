// What the content forms hold is text, as typed; the schemas read numbers,
// lists and optional fields. These turn one into the other, the same way in
// every editor, so that a field left empty is a field left out and a number
// that is not one is refused by the schema (as NaN) rather than read as 0.

/** Trimmed text, or undefined for a field left empty. */
export const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** A number as typed; NaN for an empty field, so the schema names it. */
export const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** "en, es" as a list: the form writes lists of codes as text. */
export const listOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * Names typed one a line or, on a single line, separated by commas: a beat's
 * neighbourhoods. A name with a comma in it is kept whole on its own line.
 */
export function namesOf(text: string): string[] {
  if (!/\r?\n/.test(text)) return listOf(text);
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The names as the form shows them, one a line: what namesOf reads back as the same list. */
export function namesText(names: readonly string[]): string {
  // A lone name with a comma would be read as several: a line break after it keeps it one.
  return names.join('\n') + (names.length === 1 && names[0]!.includes(',') ? '\n' : '');
}

/** A district station's fields, by their columns' names, as typed. */
export interface StationDraft {
  station_name: string;
  station_address: string;
  station_lon: string;
  station_lat: string;
  station_phone: string;
  station_email: string;
  station_hours: string;
}

/**
 * The station as the district schema reads it: none when every field is
 * empty (the database holds a station whole or not at all), else each field
 * as typed, so that the schema names each one still missing.
 */
export function stationOf(draft: StationDraft) {
  if (Object.values(draft).every((value) => value.trim() === '')) return undefined;
  return {
    name: draft.station_name.trim(),
    address: draft.station_address.trim(),
    location: [numberOf(draft.station_lon), numberOf(draft.station_lat)],
    phone: draft.station_phone.trim(),
    email: optional(draft.station_email),
    hours: draft.station_hours.trim(),
  };
}
