// The finder island on /find: an address, the resident's location, or a point
// on the map gives the beat, its officers and the next meeting. Everything is
// worked out in the browser from small static files; the address and the
// location never leave the device, and the URL keeps only the beat (?beat=).
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import AddressSearch from '../places/AddressSearch.tsx';
import BeatAnswerCard from './BeatAnswerCard.tsx';
import { loadAddressLookup, type AddressLookup } from '../places/addresses.ts';
import type { GeocodeResult } from '../places/geocoder/geocoder.ts';
import type { BeatAnswer } from './answers.ts';
import { fallbackGeocoderUrl, geocodeOutside } from './fallbackGeocoder.ts';
import { finderData } from '../places/lookup.ts';
import { MapFailure } from '../places/map/MapFailure.tsx';

// MapLibre is large: it is fetched only when the map comes into view or is asked for.
const BeatMap = lazy(() => import('../places/map/BeatMap.tsx'));

interface Props {
  t: Messages['finder'];
  locale: string;
  jurisdiction: string;
  department: string;
  timeZone: string;
  /** Where this language's pages are: '' for the first language, '/es' for Spanish. */
  pagePrefix: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; message: string }
  | { kind: 'problem'; message: string; askOutside?: string }
  | { kind: 'choose'; message: string; candidates: { label: string; place: GeocodeResult }[] }
  | { kind: 'answer'; answer: BeatAnswer; note?: string };

const data = finderData<BeatAnswer>('/finder');

// The map's own height, held from the start: when the map arrives the page neither
// shrinks nor jumps under the resident's finger (or a click already on its way).
const mapPlaceholder = 'flex h-[min(65vh,30rem)] min-h-72 w-full items-center justify-center rounded-md border border-slate-300 bg-slate-50';

export default function FinderApp({ t, locale, jurisdiction, department, timeZone, pagePrefix }: Props) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [marker, setMarker] = useState<[number, number]>();
  const [showMap, setShowMap] = useState(false);
  const [prefill, setPrefill] = useState('');
  const [addresses, setAddresses] = useState<AddressLookup>();
  const addressesLoading = useRef<Promise<AddressLookup>>(undefined);
  const mapSection = useRef<HTMLElement>(null);

  const lookupAddresses = useCallback(() => {
    addressesLoading.current ??= loadAddressLookup('/finder/addresses').then((lookup) => (setAddresses(lookup), lookup));
    addressesLoading.current.catch(() => (addressesLoading.current = undefined));
    return addressesLoading.current;
  }, []);

  const show = useCallback((answer: BeatAnswer | undefined, note?: string) => {
    if (!answer) {
      setStatus({ kind: 'problem', message: format(t.outside, { jurisdiction, department }) });
      return;
    }
    setStatus({ kind: 'answer', answer, note });
    const url = new URL(window.location.href);
    url.hash = '';
    url.search = `?beat=${encodeURIComponent(answer.id)}`;
    window.history.replaceState(null, '', url);
  }, [t, jurisdiction, department]);

  const atPoint = useCallback(async (lon: number, lat: number, note?: string) => {
    setMarker([lon, lat]);
    try {
      show(await data.beatAt(lon, lat), note);
    } catch {
      setStatus({ kind: 'problem', message: t.loadFailed });
    }
  }, [show, t]);

  const search = useCallback(async (query: string) => {
    setStatus({ kind: 'working', message: t.searching });
    try {
      const lookup = await lookupAddresses();
      const outside = lookup.outside(query);
      if (outside) {
        setStatus({ kind: 'problem', message: format(t.outsideAddress, { query, part: outside, jurisdiction }) });
        return;
      }
      const places = await lookup.geocode(query);
      const [best] = places;
      if (!best) {
        setStatus({ kind: 'problem', message: format(t.noAddress, { query, jurisdiction }), askOutside: fallbackGeocoderUrl && query });
        return;
      }
      // Namesakes in different beats (4th St NW and 4th St NE) are the resident's to choose, never ours.
      if (places.length > 1) {
        const beats = await Promise.all(places.map((place) => data.beatAt(place.lon, place.lat)));
        if (new Set(beats.map((beat) => beat?.id)).size > 1) {
          const candidates = places.map((place, i) => ({ place, label: format(t.candidate, { place: place.label, district: beats[i]?.district.name ?? jurisdiction }) }));
          setStatus({ kind: 'choose', message: format(t.chooseAddress, { query }), candidates });
          return;
        }
      }
      await atPoint(best.lon, best.lat, best.precision === 'street' ? format(t.approximate, { street: best.label }) : undefined);
    } catch {
      setStatus({ kind: 'problem', message: t.loadFailed });
    }
  }, [atPoint, lookupAddresses, t, jurisdiction]);

  const searchOutside = async (template: string, query: string) => {
    setStatus({ kind: 'working', message: t.searching });
    try {
      const found = await geocodeOutside(template, query);
      if (found) await atPoint(found.lon, found.lat);
      else setStatus({ kind: 'problem', message: format(t.noAddress, { query, jurisdiction }) });
    } catch {
      setStatus({ kind: 'problem', message: t.loadFailed });
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus({ kind: 'problem', message: t.locationUnsupported });
      return;
    }
    setStatus({ kind: 'working', message: t.locating });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => void atPoint(coords.longitude, coords.latitude),
      (error) => setStatus({ kind: 'problem', message: error.code === error.PERMISSION_DENIED ? t.locationDenied : t.locationUnavailable }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  // A shared link (?beat=) or a search handed over from another page (#q=, never sent to a server).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const query = new URLSearchParams(window.location.hash.slice(1)).get('q');
    const beat = params.get('beat');
    if (query) {
      setPrefill(query);
      void search(query);
    }
    else if (beat) {
      data.beat(beat).then(
        (answer) => (answer ? show(answer) : setStatus({ kind: 'problem', message: format(t.unknownBeat, { beat, jurisdiction }) })),
        () => setStatus({ kind: 'problem', message: t.loadFailed }),
      );
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

  // The map downloads only after the first answer, once it comes into view (or when asked
  // for): the answer must never share the connection with MapLibre's ~440 KB.
  const answered = status.kind === 'answer';
  useEffect(() => {
    const section = mapSection.current;
    if (!section || showMap || !answered) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setShowMap(true));
    observer.observe(section);
    return () => observer.disconnect();
  }, [showMap, answered]);

  return (
    <div className="space-y-6">
      <AddressSearch
        key={prefill}
        t={t}
        suggest={(text) => addresses?.suggest(text) ?? []}
        onSearch={(text) => void search(text)}
        onFirstUse={() => void lookupAddresses().catch(() => undefined)}
        busy={status.kind === 'working'}
        initial={prefill}
      />
      <button type="button" onClick={locate} className="min-h-11 rounded-md border-2 border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        {t.useLocation}
      </button>

      <div role="status" aria-live="polite" className="min-h-6">
        {status.kind === 'working' && <p>{status.message}</p>}
        {status.kind === 'problem' && <p className="font-semibold text-alert-700">{status.message}</p>}
        {status.kind === 'problem' && status.askOutside && fallbackGeocoderUrl && (
          <button
            type="button"
            onClick={() => void searchOutside(fallbackGeocoderUrl!, status.askOutside!)}
            className="mt-2 min-h-11 rounded-md border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800"
          >
            {format(t.searchOutside, { host: new URL(fallbackGeocoderUrl).host })}
          </button>
        )}
        {status.kind === 'answer' && status.note && <p>{status.note}</p>}
        {status.kind === 'choose' && (
          <>
            <p className="font-semibold">{status.message}</p>
            <ul className="mt-2 space-y-2">
              {status.candidates.map(({ label, place }) => (
                <li key={label}>
                  <button
                    type="button"
                    onClick={() => void atPoint(place.lon, place.lat, place.precision === 'street' ? format(t.approximate, { street: place.label }) : undefined)}
                    className="min-h-11 rounded-md border-2 border-brand-700 px-4 py-2 text-left font-semibold text-brand-800 hover:bg-brand-50"
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {status.kind === 'answer' && <BeatAnswerCard answer={status.answer} t={t} locale={locale} timeZone={timeZone} pagePrefix={pagePrefix} />}

      <section ref={mapSection} aria-labelledby="finder-map-heading" className="space-y-2">
        <h2 id="finder-map-heading" className="text-xl font-semibold">
          {t.mapHeading}
        </h2>
        {showMap ? (
          <MapFailure message={t.mapFailed}>
          <Suspense fallback={<div className={mapPlaceholder}><p>{t.mapLoading}</p></div>}>
            <BeatMap
              selectedBeat={status.kind === 'answer' ? status.answer.id : undefined}
              marker={marker}
              onPick={(lon, lat) => void atPoint(lon, lat)}
              labels={{ mapLabel: t.mapLabel, keyboardHelp: t.mapKeyboard }}
            />
          </Suspense>
          </MapFailure>
        ) : (
          <div className={mapPlaceholder}>
            <button type="button" onClick={() => setShowMap(true)} className="min-h-11 rounded-md border-2 border-slate-600 bg-white px-4 py-2">
              {t.showMap}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
