// "Where?" inside a resident's form: an address through the portal's own
// geocoder, a point on the map of beats, or just the beat. The beat of an
// address or a point is found in the browser from the finder's static files,
// as on /find; the form decides what of the place it sends.
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { fieldClass } from '../../components/forms/FormParts.tsx';
import AddressSearch from './AddressSearch.tsx';
import { loadAddressLookup, type AddressLookup } from './addresses.ts';
import { finderData } from './lookup.ts';
import { MapFailure } from './map/MapFailure.tsx';

// MapLibre is large: fetched only when a resident chooses to point at the map.
const BeatMap = lazy(() => import('./map/BeatMap.tsx'));

export interface PickedPlace {
  beat?: string;
  /** The address as the geocoder matched it. */
  address?: string;
  /** [lon, lat] */
  point?: [number, number];
}

export type PlaceMode = 'address' | 'map' | 'beat';

interface Props {
  /** The address input's id, so an error summary can link to it. */
  id: string;
  label: string;
  hint?: string;
  error?: string;
  t: Messages['finder'];
  places: Messages['places'];
  /** The ways offered, first chosen; one mode shows no choice. */
  modes: PlaceMode[];
  beats: Array<{ id: string; name: string }>;
  initialBeat?: string;
  onChange(place: PickedPlace): void;
}

const data = finderData('/finder');
let addresses: Promise<AddressLookup> | undefined;
const addressLookup = () => {
  addresses ??= loadAddressLookup('/finder/addresses');
  addresses.catch(() => (addresses = undefined));
  return addresses;
};

type Found = { kind: 'none' } | { kind: 'busy' } | { kind: 'found'; text: string } | { kind: 'problem'; text: string };

export default function PlacePicker({ id, label, hint, error, t, places, modes, beats, initialBeat, onChange }: Props) {
  const groupId = useId();
  const [mode, setMode] = useState<PlaceMode>(initialBeat && modes.includes('beat') ? 'beat' : modes[0]!);
  const [found, setFound] = useState<Found>({ kind: 'none' });
  const [marker, setMarker] = useState<[number, number]>();
  const [beat, setBeat] = useState(initialBeat ?? '');
  const [lookup, setLookup] = useState<AddressLookup>();
  // Only the latest lookup may answer: a slow one must not overwrite a newer choice.
  const asked = useRef(0);
  const errorId = error ? `${id}-error` : undefined;

  const choose = (next: PlaceMode) => {
    setMode(next);
    setFound({ kind: 'none' });
    setMarker(undefined);
    onChange(next === 'beat' && beat ? { beat } : {});
  };

  const placeAt = async (lon: number, lat: number, address?: string) => {
    const question = ++asked.current;
    setFound({ kind: 'busy' });
    try {
      const answer = await data.beatAt(lon, lat);
      if (question !== asked.current) return;
      if (!answer) {
        setFound({ kind: 'problem', text: places.outside });
        return onChange({});
      }
      setMarker([lon, lat]);
      setFound({ kind: 'found', text: address ? format(places.found, { beat: answer.name, place: address }) : format(places.foundBeat, { beat: answer.name }) });
      onChange({ beat: answer.id, point: [lon, lat], ...(address ? { address } : {}) });
    } catch {
      if (question === asked.current) setFound({ kind: 'problem', text: t.loadFailed });
    }
  };

  const search = async (query: string) => {
    const question = ++asked.current;
    setFound({ kind: 'busy' });
    try {
      const [best] = await (await addressLookup()).geocode(query);
      if (question !== asked.current) return;
      if (!best) {
        setFound({ kind: 'problem', text: format(places.notFound, { query }) });
        return onChange({});
      }
      await placeAt(best.lon, best.lat, best.label);
    } catch {
      if (question === asked.current) setFound({ kind: 'problem', text: t.loadFailed });
    }
  };

  return (
    <div className="space-y-3">
      {modes.length > 1 && (
        <fieldset className="space-y-1">
          <legend className="font-semibold">{label}</legend>
          {hint && <p className="text-slate-700">{hint}</p>}
          <p className="text-sm text-slate-700">{places.modesLegend}</p>
          {modes.map((choice) => (
            <label key={choice} className="flex items-center gap-2">
              <input type="radio" name={`${groupId}-mode`} checked={mode === choice} onChange={() => choose(choice)} className="size-5" />
              {places.modes[choice]}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p id={errorId} className="font-semibold text-alert-700">
          {error}
        </p>
      )}

      {mode === 'address' && (
        <AddressSearch
          t={t}
          suggest={(text) => lookup?.suggest(text) ?? []}
          onSearch={(text) => void search(text)}
          onFirstUse={() => void addressLookup().then(setLookup, () => undefined)}
          busy={found.kind === 'busy'}
          embedded={{ id, label: modes.length > 1 ? places.modes.address : label, hint: modes.length > 1 ? t.addressHint : (hint ?? t.addressHint), errorId }}
        />
      )}

      {mode === 'beat' && (
        <div className="space-y-1">
          <label htmlFor={id} className="block text-sm font-semibold">
            {modes.length > 1 ? places.beatLabel : label}
          </label>
          <select
            id={id}
            value={beat}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            onChange={(event) => {
              setBeat(event.currentTarget.value);
              onChange(event.currentTarget.value ? { beat: event.currentTarget.value } : {});
            }}
            className={fieldClass}
          >
            <option value="">{places.noBeat}</option>
            {beats.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      )}

      {mode === 'map' && (
        <div className="space-y-1">
          <p id={id} tabIndex={-1} className="text-sm text-slate-700">
            {places.mapHint}
          </p>
          <MapFailure message={t.mapFailed}>
            <Suspense fallback={<p role="status">{t.mapLoading}</p>}>
              <div className="h-72 overflow-hidden rounded-md border-2 border-slate-600">
                <BeatMap
                  marker={marker}
                  onPick={(lon, lat) => void placeAt(lon, lat)}
                  labels={{ mapLabel: t.mapLabel, keyboardHelp: t.mapKeyboard }}
                />
              </div>
            </Suspense>
          </MapFailure>
        </div>
      )}

      {mode !== 'beat' && (
        <p role="status" className={found.kind === 'problem' ? 'font-semibold text-alert-700' : 'text-slate-800'}>
          {found.kind === 'busy' ? t.searching : found.kind === 'found' || found.kind === 'problem' ? found.text : ''}
        </p>
      )}
    </div>
  );
}
