// The address index the finder's pages emit (finder/addresses/*.json), built
// once per build from the jurisdiction's street network.
import { jurisdiction } from '../../lib/content/jurisdiction.ts';
import { buildAddressIndex, postalArea, type AddressIndex } from './geocoder/buildAddressIndex.ts';

let building: Promise<AddressIndex> | undefined;

export function addressIndex(): Promise<AddressIndex> {
  building ??= jurisdiction().then(({ site, streets }) => buildAddressIndex(streets, { area: postalArea(site) }));
  return building;
}
