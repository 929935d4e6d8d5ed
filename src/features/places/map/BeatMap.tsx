/**
 * The map of beats, the finder's and the place picker's: beats and districts
 * with their names, the district stations, the selected beat highlighted and
 * the picked place marked.
 * Clicking or tapping a place, or moving the crosshair there with the arrow
 * keys and pressing Enter, calls `onPick`. The text answer beside it is what
 * residents rely on (the canvas says nothing to a screen reader); the map
 * only helps to see it. Load it with import() when it is needed: MapLibre is
 * ~300 KB gzipped and must never hold up the answer.
 *
 * Basemap. By default, the build writes a self-hosted one under /map/ from
 * the content folder (src/pages/map/): style.json, the streets and the
 * boundaries as static vector tiles, the label points as GeoJSON. Nothing is
 * fetched from anywhere else, fonts included: labels are drawn with the
 * device's own fonts.
 *
 * A deployment may use a basemap of its own instead: set PUBLIC_MAP_STYLE_URL
 * at build time to the URL of a MapLibre style, e.g.
 *   PUBLIC_MAP_STYLE_URL=https://maps.example.gov/styles/city.json npm run build
 * The beats, districts and stations are laid over that style just the same,
 * and the build writes no street tiles. Off by default. The style's hosts
 * (style, tiles, glyphs, sprites) must then be allowed by the site's CSP:
 * connect-src for all of them, img-src too for raster tiles and sprites.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { MapView } from './basemap.ts';
import { createBasemap, linkStylesheet, loadView } from './basemapMap.ts';
import { frame } from './camera.ts';
import { selectedBeatState, stationIcon } from './style.ts';

export interface BeatMapLabels {
  /** The map's accessible name. */
  mapLabel: string;
  /** How to use the map from the keyboard: shown under it and tied to it with aria-describedby. */
  keyboardHelp: string;
  /** The zoom buttons' names; MapLibre's English ones when absent. */
  zoomIn?: string | undefined;
  zoomOut?: string | undefined;
}

export interface BeatMapProps {
  /** The beat to highlight: the one the answer is about. */
  selectedBeat?: string | undefined;
  /** The place the answer is for, [lon, lat]. */
  marker?: [number, number] | undefined;
  /** A place picked on the map, by pointer or keyboard. */
  onPick(lon: number, lat: number): void;
  labels: BeatMapLabels;
}

/** How far one arrow key press moves the crosshair, in CSS pixels. */
const step = 40;
/** How close to the edge the crosshair may come before the map moves under it. */
const edge = 48;
const framing = { padding: 32, maxZoom: 16 };

export default function BeatMap({ selectedBeat, marker, onPick, labels }: BeatMapProps) {
  const helpId = useId();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const viewRef = useRef<MapView | null>(null);
  const [ready, setReady] = useState(false);
  // Errors thrown while rendering reach the page's error boundary, which then offers the text answer alone.
  const [failure, setFailure] = useState<Error | null>(null);
  if (failure) throw failure;

  // The latest props, for the map's event handlers, which are bound once.
  const latest = useRef({ selectedBeat, marker, onPick });
  latest.current = { selectedBeat, marker, onPick };
  /** The last place picked here: when the page marks it, the view stays where the resident is looking. */
  const lastPick = useRef<[number, number] | null>(null);
  /** The keyboard crosshair's place: where Enter picks. Shown while the map has keyboard focus. */
  const cursor = useRef<[number, number] | null>(null);
  const crosshair = useRef<Marker | null>(null);
  const placeMarker = useRef<Marker | null>(null);
  const pick = (lon: number, lat: number) => {
    lastPick.current = [lon, lat];
    latest.current.onPick(lon, lat);
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    linkStylesheet();
    let created: MapLibreMap | undefined;
    let cancelled = false;
    loadView()
      .then((view) => {
        if (cancelled) return;
        viewRef.current = view;
        const map = createMap(element, view, latest.current, labels, setFailure);
        created = mapRef.current = map;
        map.on('click', (event) => {
          // The keyboard goes on from the place clicked.
          cursor.current = event.lngLat.toArray();
          crosshair.current?.setLngLat(cursor.current);
          pick(event.lngLat.lng, event.lngLat.lat);
        });
        map.on('load', () => setReady(true));
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error : new Error(String(error)));
      });
    return () => {
      cancelled = true;
      created?.remove();
      mapRef.current = null;
    };
    // The map is made once; later props reach it through the effect below and the refs.
  }, []);

  // The picked place's marker, and the view fitted to the answer.
  const [lon, lat] = marker ?? [];
  useEffect(() => {
    const map = mapRef.current;
    const view = viewRef.current;
    if (!ready || !map || !view) return;
    map.setGlobalStateProperty(selectedBeatState, selectedBeat ?? '');
    if (lon === undefined || lat === undefined) {
      placeMarker.current?.remove();
      placeMarker.current = null;
    } else {
      placeMarker.current ??= hidden(new Marker({ color: '#a61b1b' }));
      placeMarker.current.setLngLat([lon, lat]).addTo(map);
    }
    const picked = lastPick.current;
    if (picked && picked[0] === lon && picked[1] === lat) return;
    const target = frame(view, selectedBeat, lon === undefined || lat === undefined ? undefined : [lon, lat]);
    if (target) map.fitBounds(target, { ...framing, animate: !prefersReducedMotion() });
  }, [ready, selectedBeat, lon, lat]);

  const showCrosshair = (map: MapLibreMap) => {
    // Where it was left, unless the map has since been moved away from there.
    const place = cursor.current && map.getBounds().contains(cursor.current) ? cursor.current : startingPoint(map, latest.current.marker);
    cursor.current = place;
    crosshair.current ??= hidden(new Marker({ element: crosshairElement() }));
    crosshair.current.setLngLat(place).addTo(map);
  };
  const hideCrosshair = () => crosshair.current?.remove();

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const map = mapRef.current;
    // Keys pressed on the zoom buttons inside the map are theirs.
    if (!map || !ready || event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) {
      showCrosshair(map);
      moveCrosshair(map, move);
    } else if (event.key === 'Enter') {
      showCrosshair(map);
      const [x, y] = cursor.current!;
      pick(x, y);
    } else if (['+', '=', '-', '_'].includes(event.key)) {
      showCrosshair(map);
      const zoom = map.getZoom() + (event.key === '+' || event.key === '=' ? 1 : -1);
      map.easeTo({ zoom, around: cursor.current!, animate: !prefersReducedMotion() });
    } else {
      return;
    }
    event.preventDefault();
  };

  const moveCrosshair = (map: MapLibreMap, [dx, dy]: [number, number]) => {
    const point = map.project(cursor.current!);
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    const x = point.x + dx;
    const y = point.y + dy;
    // Past the edge, the map moves instead, so the crosshair stays in sight; the map never slides, it steps.
    const panX = x < edge ? x - edge : x > width - edge ? x - (width - edge) : 0;
    const panY = y < edge ? y - edge : y > height - edge ? y - (height - edge) : 0;
    if (panX || panY) map.panBy([panX, panY], { animate: false });
    const moved = map.unproject([x - panX, y - panY]);
    // At the edge of the area the map may show, the pan falls short: keep the crosshair on the map.
    const onScreen = map.project(moved);
    cursor.current = map.unproject([clamp(onScreen.x, 0, width), clamp(onScreen.y, 0, height)]).toArray();
    crosshair.current?.setLngLat(cursor.current);
  };

  return (
    <div className="space-y-2">
      <div
        ref={container}
        tabIndex={0}
        role="region"
        aria-label={labels.mapLabel}
        aria-describedby={helpId}
        // Set once the map can be used (keys and clicks do nothing before): tests wait for it.
        data-ready={ready ? 'true' : undefined}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (mapRef.current && ready && event.currentTarget.matches(':focus-visible')) showCrosshair(mapRef.current);
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) hideCrosshair();
        }}
        className="h-[min(65vh,30rem)] min-h-72 w-full overflow-hidden rounded-md border border-slate-300 bg-slate-50"
      />
      <p id={helpId} className="text-sm text-slate-700">
        {labels.keyboardHelp}
      </p>
    </div>
  );
}

function createMap(
  container: HTMLElement,
  view: MapView,
  { selectedBeat, marker }: Pick<BeatMapProps, 'selectedBeat' | 'marker'>,
  labels: BeatMapLabels,
  onFailure: (error: Error) => void,
): MapLibreMap {
  const map = createBasemap(container, view, {
    beat: selectedBeat,
    place: marker,
    fitBoundsOptions: framing,
    onFailure,
    extra: {
      fadeDuration: prefersReducedMotion() ? 0 : 300,
      locale: {
        ...(labels.zoomIn ? { 'NavigationControl.ZoomIn': labels.zoomIn } : {}),
        ...(labels.zoomOut ? { 'NavigationControl.ZoomOut': labels.zoomOut } : {}),
      },
    },
  });
  map.setMissingStyleImageResolver((id) => {
    if (id === stationIcon) map.addImage(id, drawStation(), { pixelRatio: 2 });
  });
  return map;
}

/** The picked place when it is in view, else the middle of the map. */
function startingPoint(map: MapLibreMap, place: [number, number] | undefined): [number, number] {
  return place && map.getBounds().contains(place) ? place : map.getCenter().toArray();
}

function crosshairElement(): HTMLElement {
  const element = document.createElement('div');
  element.className = 'pointer-events-none relative size-10';
  // Dark lines on a white halo: visible over the pale basemap, the amber selection and the blue outlines alike.
  element.innerHTML = `
    <span class="absolute inset-1 rounded-full border-[3px] border-white"></span>
    <span class="absolute inset-1.5 rounded-full border-2 border-slate-950"></span>
    <span class="absolute top-0 left-1/2 h-full w-1 -translate-x-1/2 bg-white"></span>
    <span class="absolute top-1/2 left-0 h-1 w-full -translate-y-1/2 bg-white"></span>
    <span class="absolute top-0.5 bottom-0.5 left-1/2 w-0.5 -translate-x-1/2 bg-slate-950"></span>
    <span class="absolute top-1/2 right-0.5 left-0.5 h-0.5 -translate-y-1/2 bg-slate-950"></span>`;
  return element;
}

/** A district station: a navy disc ringed in white, drawn at twice its size for sharp screens. */
function drawStation(): ImageData {
  const size = 36;
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.canvas.width = context.canvas.height = size;
  const ring = (radius: number, colour: string) => {
    context.beginPath();
    context.arc(size / 2, size / 2, radius, 0, 2 * Math.PI);
    context.fillStyle = colour;
    context.fill();
  };
  ring(17, '#ffffff');
  ring(13, '#102c4f');
  ring(5, '#ffffff');
  return context.getImageData(0, 0, size, size);
}

/** The markers repeat what the text answer says; to a screen reader they would only be noise. */
function hidden(marker: Marker): Marker {
  marker.getElement().setAttribute('aria-hidden', 'true');
  return marker;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
