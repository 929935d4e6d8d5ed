// The address lookup in the browser: the street catalog first (for suggestions
// as the resident types), then only the chunks an answer needs.
import { getJson } from '../../lib/getJson.ts';
import { createGeocoder, type Geocoder } from './geocoder/geocoder.ts';
import type { Catalog, Chunk } from './geocoder/addressIndex.ts';

export type AddressLookup = Geocoder;

export async function loadAddressLookup(base: string): Promise<AddressLookup> {
  const get = async <T>(url: string): Promise<T> => (await getJson(url)) as T;
  const catalog = await get<Catalog>(`${base}/catalog.json`);
  return createGeocoder(catalog, (id) => get<Chunk>(`${base}/${encodeURIComponent(id)}.json`));
}
