// Which Supabase a build targets. Hosted: both public settings given. Local:
// neither given; the site then calls the API on its own origin (the gateway)
// with the local anon key, which lives in the local data folder.
import { dataDir } from './paths.ts';
import { apiKeys, localSecrets } from './secrets.ts';

export interface SupabaseTarget {
  /** Empty for the local stack: the browser uses the page's own origin. */
  url: string;
  anonKey: string;
}

export async function supabaseTarget(env: NodeJS.ProcessEnv): Promise<SupabaseTarget> {
  const url = env.PUBLIC_SUPABASE_URL?.trim();
  const anonKey = env.PUBLIC_SUPABASE_ANON_KEY?.trim();
  if (url || anonKey) {
    if (!url || !anonKey) {
      throw new Error('Set both PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY for a hosted Supabase project, or neither for the local stack.');
    }
    if (!URL.canParse(url)) throw new Error(`PUBLIC_SUPABASE_URL is not a URL: ${url}`);
    return { url, anonKey };
  }
  return { url: '', anonKey: (await apiKeys(localSecrets(dataDir()))).anonKey };
}
