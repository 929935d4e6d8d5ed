// A deployment may name an outside geocoder for addresses its own street data
// does not know: off by default, and even then used only when the resident
// agrees to send that one address there. Any service that answers a
// Nominatim-style search (a JSON array of {lat, lon, display_name}) fits.
export const fallbackGeocoderUrl: string | undefined = import.meta.env.PUBLIC_FALLBACK_GEOCODER_URL || undefined;

export interface OutsideResult {
  label: string;
  lon: number;
  lat: number;
}

/** Asks the configured service for an address; `template` holds {query} where the address goes. */
export async function geocodeOutside(template: string, query: string): Promise<OutsideResult | undefined> {
  const response = await fetch(template.replace('{query}', encodeURIComponent(query)), { referrerPolicy: 'no-referrer', credentials: 'omit' });
  if (!response.ok) throw new Error(`${new URL(template).host}: ${response.status}`);
  const [first] = (await response.json()) as Array<{ lat?: string | number; lon?: string | number; display_name?: string }>;
  const lon = Number(first?.lon);
  const lat = Number(first?.lat);
  return first && Number.isFinite(lon) && Number.isFinite(lat) ? { label: first.display_name ?? query, lon, lat } : undefined;
}
