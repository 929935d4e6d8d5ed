interface ImportMetaEnv {
  /** A hosted Supabase project's URL; empty when the site talks to the local stack on its own origin. */
  readonly PUBLIC_SUPABASE_URL: string;
  readonly PUBLIC_SUPABASE_ANON_KEY: string;
  /** A deployment's own MapLibre style for the finder's basemap; unset for the self-hosted one. */
  readonly PUBLIC_MAP_STYLE_URL?: string;
  /** An outside geocoder (Nominatim-style, {query} in the URL) the finder may offer; unset by default. */
  readonly PUBLIC_FALLBACK_GEOCODER_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
