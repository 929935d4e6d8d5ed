// What every map on the site shares (the finder's, the watch area's): MapLibre's
// stylesheet and worker, the view file, and a map on the jurisdiction's
// self-hosted basemap (or a deployment's own style) with the same limits, the
// same controls and the same rule for failing. Only the components that show a
// map import this, so MapLibre stays out of every page that has none.
// As a URL, linked when a map mounts: imported as CSS, the bundler would put it in
// every finder page's head, and the answer would wait for a stylesheet it does not use.
import mapStylesheet from 'maplibre-gl/dist/maplibre-gl.css?url';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapOptions } from 'maplibre-gl';
// MapLibre finds its worker beside its own module, which a bundle moves; this
// makes Vite emit the worker and tells MapLibre where it went.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { getJson } from '../../../lib/getJson.ts';
import type { MapView } from './basemap.ts';
import { frame, padded } from './camera.ts';
import { externalStyleUrl, mapFiles, selectedBeatState, withOverlay } from './style.ts';

setWorkerUrl(workerUrl);

export function linkStylesheet() {
  if (document.querySelector(`link[href="${mapStylesheet}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = mapStylesheet;
  document.head.append(link);
}

export async function loadView(): Promise<MapView> {
  return (await getJson(mapFiles.view)) as MapView;
}

export interface BasemapOptions {
  /** The beat to highlight and open on. */
  beat?: string | undefined;
  /** A place to keep in view, [lon, lat]. */
  place?: [number, number] | undefined;
  fitBoundsOptions: NonNullable<MapOptions['fitBoundsOptions']>;
  /** Called when the basemap itself cannot load: a map that cannot help. A missing tile is not that. */
  onFailure(error: Error): void;
  /** Whatever else the map needs (its locale, fades, clicks). */
  extra?: Partial<MapOptions>;
}

export function createBasemap(container: HTMLElement, view: MapView, { beat, place, fitBoundsOptions, onFailure, extra = {} }: BasemapOptions): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: externalStyleUrl ?? mapFiles.style,
    transformStyle: (_previous, next) => withOverlay(next, { areas: view.areas ?? undefined }),
    // The self-hosted files are named by path; the worker that fetches them needs whole URLs.
    transformRequest: (url) => ({ url: new URL(url, window.location.href).href }),
    globalState: { [selectedBeatState]: beat ?? '' },
    bounds: frame(view, beat, place) ?? view.bounds,
    fitBoundsOptions,
    maxBounds: padded(view.bounds),
    // Closer than this shows no more of the jurisdiction's data, only a blank block.
    maxZoom: 18,
    renderWorldCopies: false,
    // The keys are the component's own.
    keyboard: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // The self-hosted basemap is the jurisdiction's own data; another basemap credits its sources.
    attributionControl: externalStyleUrl ? { compact: true } : false,
    ...extra,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  // The container is the map's one tab stop and its labelled region; the canvas would be a second, unlabelled one.
  for (const attribute of ['tabindex', 'role', 'aria-label']) map.getCanvas().removeAttribute(attribute);
  let styleLoaded = false;
  map.on('style.load', () => {
    styleLoaded = true;
  });
  map.on('error', (event) => {
    if (!styleLoaded) onFailure(new Error(event.error.message));
  });
  return map;
}
