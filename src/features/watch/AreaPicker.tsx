// "Which area does the group cover?" in the registration form. The way that
// needs no map and works from the keyboard: name the beat (or an address in
// it), then tick the streets from that beat's list, filtered by typing; the
// area is the streets' outline widened to the houses along them. That beat's
// streets and boundary are fetched once it is named, not carried in the page
// for every beat: a large city's page would carry hundreds a resident never
// needs. Or, as an
// extra, draw the area on the map corner by corner (MapLibre is fetched only
// then). Either way the beat is the one at the area's centre, found in the
// browser from the finder's files, and shown.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { format } from '../../lib/i18n/format.ts';
import type { Messages } from '../../lib/i18n/index.ts';
import { svgFrame } from '../../lib/geo/svg.ts';
import { fieldClass, FieldError, secondaryButtonClass } from '../../components/forms/FormParts.tsx';
import PlacePicker from '../places/PlacePicker.tsx';
import { finderData } from '../places/lookup.ts';
import { getJson } from '../../lib/getJson.ts';
import { MapFailure } from '../places/map/MapFailure.tsx';
import { streetChoiceLoader, type StreetChoice } from './beatStreets.ts';
import { areaAround, areaCentre, areaFromCorners, metresToOutline, streetBufferMetres, type LonLat, type WatchArea } from './watchArea.ts';

const AreaDrawMap = lazy(() => import('./AreaDrawMap.tsx'));

const finder = finderData('/finder');
const loadStreets = streetChoiceLoader({ addresses: '/finder/addresses', beats: '/watch/beats' }, getJson);

export interface ChosenArea {
  area?: WatchArea;
  /** The beat at the area's centre. */
  beat?: string;
}

interface Props {
  /** Prefix of the ids: `${id}-area` is the first control, `${id}-beat` the line naming the beat. */
  id: string;
  t: Messages['watch']['area'];
  finderWords: Messages['finder'];
  places: Messages['places'];
  /** For the beat list; each beat's streets and boundary are fetched once it is chosen. */
  beats: Array<{ id: string; name: string }>;
  areaError?: string | undefined;
  beatError?: string | undefined;
  onChange(chosen: ChosenArea): void;
}

type Streets =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; beat: string; beatName: string; boundary: Polygon | MultiPolygon; choices: StreetChoice[] };

type Derived = { kind: 'none' } | { kind: 'looking' } | { kind: 'found'; name: string } | { kind: 'outside' } | { kind: 'failed' };

export default function AreaPicker({ id, t, finderWords, places, beats, areaError, beatError, onChange }: Props) {
  const groupId = useId();
  const [mode, setMode] = useState<'streets' | 'map'>('streets');
  const [placeBeat, setPlaceBeat] = useState<string>();
  const [streets, setStreets] = useState<Streets>({ kind: 'none' });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [corners, setCorners] = useState<LonLat[]>([]);
  const [derived, setDerived] = useState<Derived>({ kind: 'none' });
  const [attempt, setAttempt] = useState(0);
  // Only the latest question of each kind may answer: a slow one must not overwrite a newer choice.
  const streetsAsked = useRef(0);
  const beatAsked = useRef(0);

  useEffect(() => {
    setChosen(new Set());
    setFilter('');
    if (!placeBeat) return setStreets({ kind: 'none' });
    const question = ++streetsAsked.current;
    setStreets({ kind: 'loading' });
    (async () => {
      const found = finder.beat(placeBeat).then((beat) => beat ?? Promise.reject(new Error(`no beat ${placeBeat}`)));
      const choices = await loadStreets(placeBeat, found.then((beat) => beat.boundary));
      const beat = await found;
      return { kind: 'ready', beat: beat.id, beatName: beat.name, boundary: beat.boundary, choices } as const;
    })().then(
      (ready) => question === streetsAsked.current && setStreets(ready),
      () => question === streetsAsked.current && setStreets({ kind: 'failed' }),
    );
  }, [placeBeat, attempt]);

  const area = useMemo<WatchArea | undefined>(() => {
    if (mode === 'map') return areaFromCorners(corners);
    if (streets.kind !== 'ready') return undefined;
    const lines = streets.choices.filter((choice) => chosen.has(choice.id)).flatMap((choice) => choice.lines);
    return areaAround(lines.flat());
  }, [mode, corners, streets, chosen]);

  // The beat is where the area's centre is.
  useEffect(() => {
    if (!area) {
      beatAsked.current++;
      setDerived({ kind: 'none' });
      return onChange({});
    }
    const question = ++beatAsked.current;
    setDerived({ kind: 'looking' });
    onChange({ area });
    const centre = areaCentre(area);
    // Streets along a beat's edge put the centre on (or a hair beyond) the boundary two beats
    // share: the beat the resident named, whose list the streets came from, is the one they mean.
    if (mode === 'streets' && streets.kind === 'ready' && (booleanPointInPolygon(centre, streets.boundary) || metresToOutline(centre, streets.boundary) <= streetBufferMetres)) {
      setDerived({ kind: 'found', name: streets.beatName });
      return onChange({ area, beat: streets.beat });
    }
    finder.beatAt(...centre).then(
      (beat) => {
        if (question !== beatAsked.current) return;
        setDerived(beat ? { kind: 'found', name: beat.name } : { kind: 'outside' });
        onChange(beat ? { area, beat: beat.id } : { area });
      },
      () => question === beatAsked.current && setDerived({ kind: 'failed' }),
    );
  }, [area]); // eslint-disable-line react-hooks/exhaustive-deps -- the area changes whenever mode or streets do; onChange is the form's setter

  const toggle = (choice: string) =>
    setChosen((before) => {
      const after = new Set(before);
      if (!after.delete(choice)) after.add(choice);
      return after;
    });

  const shown = streets.kind === 'ready' ? streets.choices.filter((choice) => choice.name.toLowerCase().includes(filter.trim().toLowerCase())) : [];
  const chosenCount = (count: number) => (count === 0 ? t.chosenNone : count === 1 ? t.chosenOne : format(t.chosen, { count }));
  const label = (choice: StreetChoice) =>
    choice.numbers ? format(t.streetNumbers, { street: choice.name, from: choice.numbers[0], to: choice.numbers[1] }) : choice.name;

  return (
    <div className="space-y-4">
      <fieldset className="space-y-1">
        <legend className="font-semibold">{t.legend}</legend>
        <p className="text-slate-700">{t.hint}</p>
        <FieldError id={`${id}-area`} error={areaError} />
        {(['streets', 'map'] as const).map((choice, index) => (
          <label key={choice} className="flex items-center gap-2">
            <input
              id={index === 0 ? `${id}-area` : undefined}
              type="radio"
              name={`${groupId}-mode`}
              checked={mode === choice}
              onChange={() => setMode(choice)}
              aria-describedby={index === 0 && areaError ? `${id}-area-error` : undefined}
              className="size-5"
            />
            {t.modes[choice]}
          </label>
        ))}
      </fieldset>

      {mode === 'streets' && (
        <div className="space-y-4 border-l-4 border-slate-300 pl-4">
          <PlacePicker
            id={`${id}-place`}
            label={t.beatLabel}
            hint={t.beatHint}
            t={finderWords}
            places={places}
            modes={['address', 'beat']}
            beats={beats}
            // Back from drawing on the map, the beat named before is still chosen.
            initialBeat={placeBeat}
            onChange={(place) => setPlaceBeat(place.beat)}
          />
          {streets.kind === 'loading' && <p role="status">{t.loadingStreets}</p>}
          {streets.kind === 'failed' && (
            <div className="space-y-2">
              <p className="font-semibold text-alert-700">{t.streetsFailed}</p>
              <button type="button" onClick={() => setAttempt((n) => n + 1)} className={secondaryButtonClass}>
                {t.retry}
              </button>
            </div>
          )}
          {streets.kind === 'ready' && streets.choices.length === 0 && <p>{t.noStreets}</p>}
          {streets.kind === 'ready' && streets.choices.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="font-semibold">{format(t.streetsLegend, { beat: streets.beatName })}</legend>
              <label htmlFor={`${id}-street-filter`} className="block text-sm font-semibold">
                {t.filter}
              </label>
              <p id={`${id}-street-filter-hint`} className="text-sm text-slate-700">
                {t.filterHint}
              </p>
              <input
                id={`${id}-street-filter`}
                type="search"
                value={filter}
                autoComplete="off"
                onChange={(event) => setFilter(event.currentTarget.value)}
                aria-describedby={`${id}-street-filter-hint`}
                className={fieldClass}
              />
              {shown.length === 0 ? (
                <p>{format(t.noMatch, { text: filter.trim() })}</p>
              ) : (
                <ul className="max-h-80 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
                  {shown.map((choice) => (
                    <li key={choice.id}>
                      <label className="flex min-h-11 items-center gap-3 px-1">
                        <input type="checkbox" checked={chosen.has(choice.id)} onChange={() => toggle(choice.id)} className="size-5 shrink-0" />
                        {label(choice)}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              <p role="status" className="text-slate-800">
                {chosenCount(chosen.size)}
              </p>
            </fieldset>
          )}
          {streets.kind === 'ready' && area && <AreaPreview label={format(t.preview, { beat: streets.beatName })} beat={streets.boundary} area={area} />}
        </div>
      )}

      {mode === 'map' && (
        <div className="space-y-3 border-l-4 border-slate-300 pl-4">
          <MapFailure message={t.mapFailed}>
            <Suspense fallback={<p role="status">{t.mapLoading}</p>}>
              <AreaDrawMap
                corners={corners}
                onAdd={(corner) => setCorners((before) => [...before, corner])}
                beat={placeBeat}
                labels={{ mapLabel: t.mapLabel, keyboardHelp: t.mapHelp }}
              />
            </Suspense>
          </MapFailure>
          <div className="flex flex-wrap gap-3">
            <button type="button" disabled={corners.length === 0} onClick={() => setCorners((before) => before.slice(0, -1))} className={`${secondaryButtonClass} disabled:opacity-60`}>
              {t.undo}
            </button>
            <button type="button" disabled={corners.length === 0} onClick={() => setCorners([])} className={`${secondaryButtonClass} disabled:opacity-60`}>
              {t.clear}
            </button>
          </div>
          <p role="status">{corners.length < 3 ? format(t.cornersNeeded, { count: corners.length }) : format(t.corners, { count: corners.length })}</p>
        </div>
      )}

      <div>
        <FieldError id={`${id}-beat`} error={beatError} />
        <p id={`${id}-beat`} tabIndex={-1} role="status" className={derived.kind === 'outside' || derived.kind === 'failed' ? 'font-semibold text-alert-700' : 'font-semibold'}>
          {derived.kind === 'looking'
            ? t.beatLooking
            : derived.kind === 'found'
              ? format(t.beatFound, { beat: derived.name })
              : derived.kind === 'outside'
                ? t.beatOutside
                : derived.kind === 'failed'
                  ? t.beatFailed
                  : ''}
        </p>
      </div>
    </div>
  );
}

/** The chosen area within its beat, as a small picture; the text around it says the same. */
function AreaPreview({ label, beat, area }: { label: string; beat: Polygon | MultiPolygon; area: WatchArea }) {
  const frame = svgFrame([beat, area], 320);
  return (
    <svg viewBox={frame.viewBox} role="img" aria-label={label} className="h-auto w-full max-w-xs rounded-md border border-slate-300 bg-slate-50">
      <path d={frame.path(beat)} fill="#f5d9a8" stroke="#b45309" strokeWidth="2" fillRule="evenodd" />
      <path d={frame.path(area)} fill="#15803d" fillOpacity="0.35" stroke="#15803d" strokeWidth="2" />
    </svg>
  );
}
