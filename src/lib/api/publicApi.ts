// The public data API as residents' islands reach it: PostgREST under Supabase's
// URL layout, with the anon key. Islands need only RPCs, so they use
// postgrest-js (what supabase-js itself uses for them) and not the whole of
// supabase-js with auth, realtime and storage: about a tenth of the bytes.
// Without a hosted URL the API is on the page's own origin (the local gateway).
// Nothing about the resident is kept in the browser: there is no session.
import { PostgrestClient } from '@supabase/postgrest-js';

/** What a submission needs of a client; supabase-js's client fits it too. */
export interface RpcClient {
  rpc(fn: string, args: Record<string, unknown>): PromiseLike<RpcResponse>;
}

export interface RpcResponse {
  data: unknown;
  error: { code: string; details: string | null; message: string } | null;
  status: number;
}

let client: RpcClient | undefined;

export function publicApi(): RpcClient {
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY;
  client ??= new PostgrestClient(`${import.meta.env.PUBLIC_SUPABASE_URL || window.location.origin}/rest/v1`, {
    headers: { apikey: key, authorization: `Bearer ${key}` },
  });
  return client;
}
