/**
 * Drawing a watch group's area on the finder's self-hosted basemap: each click
 * or tap adds a corner, and the area so far is drawn over the beats. From the
 * keyboard, the arrow keys move the map under a cross in its middle, + and −
 * zoom, and Enter adds the corner under the cross. The corners themselves are
 * the form's (AreaPicker.tsx), with undo and clear beside the map; the canvas
 * says nothing to a screen reader, and choosing streets needs no map at all.
 * Imported with import() only when a resident chooses to draw: MapLibre is large.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { createBasemap, linkStylesheet, loadView } from '../places/map/basemapMap.ts';
import { areaFromCorners, type LonLat } from './watchArea.ts';

export interface AreaDrawMapProps {
  corners: readonly LonLat[];
  onAdd(corner: LonLat): void;
  /** The beat to open on, when the resident already named one. */
  beat?: string | undefined;
  labels: { mapLabel: string; keyboardHelp: string };
}

const source = 'watch-area-draft';
const green = '#15803d';
/** How far one arrow key press moves the map, in CSS pixels. */
const step = 60;

/** The area so far: the corners, the line between them, and the shape once there are three. */
function draft(corners: readonly LonLat[]): FeatureCollection {
  const features: Feature[] = corners.map((corner) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: corner } }));
  const area = areaFromCorners(corners);
  if (area) features.push({ type: 'Feature', properties: {}, geometry: area });
  else if (corners.length === 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...corners] } });
  return { type: 'FeatureCollection', features };
}

export default function AreaDrawMap({ corners, onAdd, beat, labels }: AreaDrawMapProps) {
  const helpId = useId();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [keyboard, setKeyboard] = useState(false);
  // Errors thrown while rendering reach MapFailure, which says the map could not load.
  const [failure, setFailure] = useState<Error | null>(null);
  if (failure) throw failure;
  const latest = useRef({ onAdd, corners });
  latest.current = { onAdd, corners };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    linkStylesheet();
    let created: MapLibreMap | undefined;
    let cancelled = false;
    loadView()
      .then((view) => {
        if (cancelled) return;
        const map = createBasemap(element, view, {
          beat,
          fitBoundsOptions: { padding: 24, maxZoom: 16 },
          onFailure: setFailure,
          // Corners are added by clicking: a double click would zoom as well.
          extra: { doubleClickZoom: false },
        });
        created = mapRef.current = map;
        map.on('load', () => {
          map.addSource(source, { type: 'geojson', data: draft(latest.current.corners) });
          map.addLayer({ id: 'watch-area-fill', type: 'fill', source, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': green, 'fill-opacity': 0.25 } });
          map.addLayer({ id: 'watch-area-line', type: 'line', source, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': green, 'line-width': 3 } });
          map.addLayer({
            id: 'watch-area-corners',
            type: 'circle',
            source,
            filter: ['==', ['geometry-type'], 'Point'],
            paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': green, 'circle-stroke-width': 3 },
          });
          setReady(true);
        });
        map.on('click', (event) => latest.current.onAdd([event.lngLat.lng, event.lngLat.lat]));
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error : new Error(String(error)));
      });
    return () => {
      cancelled = true;
      created?.remove();
      mapRef.current = null;
    };
    // The map is made once; the corners reach it through the effect below.
  }, []);

  useEffect(() => {
    if (ready) mapRef.current?.getSource<GeoJSONSource>(source)?.setData(draft(corners));
  }, [ready, corners]);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const map = mapRef.current;
    // Keys pressed on the zoom buttons inside the map are theirs.
    if (!map || !ready || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) map.panBy(move, { animate: false });
    else if (event.key === 'Enter') latest.current.onAdd(map.getCenter().toArray());
    else if (['+', '=', '-', '_'].includes(event.key)) map.setZoom(map.getZoom() + (event.key === '+' || event.key === '=' ? 1 : -1));
    else return;
    event.preventDefault();
  };

  return (
    <div className="space-y-2">
      <div className="relative">
        <div
          ref={container}
          tabIndex={0}
          role="region"
          aria-label={labels.mapLabel}
          aria-describedby={helpId}
          data-ready={ready ? 'true' : undefined}
          onKeyDown={onKeyDown}
          onFocus={(event) => setKeyboard(event.currentTarget.matches(':focus-visible'))}
          onBlur={() => setKeyboard(false)}
          className="h-80 w-full overflow-hidden rounded-md border-2 border-slate-600 bg-slate-50"
        />
        {keyboard && (
          // Where Enter adds a corner: the middle of the map.
          <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-1/2 size-8 -translate-x-1/2 -translate-y-1/2">
            <span className="absolute top-0 left-1/2 h-full w-1 -translate-x-1/2 bg-white" />
            <span className="absolute top-1/2 left-0 h-1 w-full -translate-y-1/2 bg-white" />
            <span className="absolute top-0.5 bottom-0.5 left-1/2 w-0.5 -translate-x-1/2 bg-slate-950" />
            <span className="absolute top-1/2 right-0.5 left-0.5 h-0.5 -translate-y-1/2 bg-slate-950" />
          </span>
        )}
      </div>
      <p id={helpId} className="text-sm text-slate-700">
        {labels.keyboardHelp}
      </p>
    </div>
  );
}
