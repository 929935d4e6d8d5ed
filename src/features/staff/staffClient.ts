// The staff workspace's one Supabase client: supabase-js with Auth, which only
// /staff loads (residents' pages use postgrest-js with no session at all).
// The session lives in sessionStorage, not localStorage: on a computer
// several officers share, closing the tab signs its user out. The same code
// talks to Supabase Auth in production and to the local stack's emulation.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

let client: SupabaseClient | undefined;

export function staffClient(): SupabaseClient {
  client ??= createClient(import.meta.env.PUBLIC_SUPABASE_URL || window.location.origin, import.meta.env.PUBLIC_SUPABASE_ANON_KEY, {
    auth: { storage: window.sessionStorage, persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
  });
  return client;
}
