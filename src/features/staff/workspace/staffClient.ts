// The staff workspace's one Supabase client: supabase-js with Auth, which only
// /staff loads (residents' pages use postgrest-js with no session at all).
// The session lives in sessionStorage, not localStorage: on a computer
// several officers share, closing the tab signs its user out. The same code
// talks to Supabase Auth in production and to the local stack's emulation.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';

let client: SupabaseClient | undefined;
/** A sign-in link that came back refused (used, expired or unknown), until the form has said so. */
let linkRefused = false;

export function staffClient(): SupabaseClient {
  client ??= createClient(import.meta.env.PUBLIC_SUPABASE_URL || window.location.origin, import.meta.env.PUBLIC_SUPABASE_ANON_KEY, {
    auth: {
      storage: window.sessionStorage,
      storageKey: tabStorageKey(),
      persistSession: true,
      autoRefreshToken: true,
      // A sign-in link comes back to /staff in a new tab, with the session in the address's
      // fragment. The implicit flow, not PKCE: PKCE's code verifier would be in the
      // sessionStorage of the tab that asked for the link, which the new tab cannot read.
      flowType: 'implicit',
      detectSessionInUrl: readsSignInFragment,
    },
  });
  return client;
}

/**
 * This tab's own name for its session. supabase-js tells every tab with the same storage key,
 * over a BroadcastChannel, when one signs in or out, and each then acts on it as if it were its
 * own. Sessions here belong to one tab: a sign-in link opened in a new tab made the tab that
 * asked for it check a session it did not hold, find none, sign out, and so sign the new tab
 * out too. A key of the tab's own, kept in its sessionStorage, survives reloads, not other tabs.
 */
function tabStorageKey(): string {
  const name = 'openbeat-staff-tab';
  let tab = window.sessionStorage.getItem(name);
  if (!tab) window.sessionStorage.setItem(name, (tab = crypto.randomUUID()));
  return `openbeat-staff-session-${tab}`;
}

/**
 * Whether the address carries what Supabase Auth sends back from a link (the session, or
 * why there is none) — supabase-js's own test, as with `detectSessionInUrl: true`. It has
 * already read the parameters, so the fragment is taken out of the address at once: the
 * tokens then never stay in this tab's history, nor reach the workspace's routes. Leaving
 * an empty fragment makes supabase-js's own clearing (`location.hash = ''`) change nothing,
 * where it would otherwise add a history entry after the one that held the tokens.
 */
function readsSignInFragment(url: URL, params: Record<string, string>): boolean {
  const fromAuth = Boolean(params.access_token || params.error || params.error_description || params.error_code);
  if (fromAuth) history.replaceState(history.state, '', `${url.pathname}${url.search}#`);
  linkRefused = fromAuth && !params.access_token;
  return fromAuth;
}

/** Whether this tab was opened from a sign-in link that did not work; true once only. */
export function takeRefusedSignInLink(): boolean {
  const refused = linkRefused;
  linkRefused = false;
  return refused;
}
