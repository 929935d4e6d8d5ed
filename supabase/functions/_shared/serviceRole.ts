// What the functions the database's schedules call share: they answer only a
// caller holding the service-role key (anyone with the public anon key passes
// Supabase's own JWT check), answer in JSON, and call the project's functions
// as the service role.
import { createClient } from 'npm:@supabase/supabase-js@2';

export type Rpc = <T>(fn: string, args: Record<string, unknown>) => Promise<T>;

/** Compares in time independent of where the strings differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = new TextEncoder().encode(given);
  const b = new TextEncoder().encode(expected);
  let difference = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) difference |= (a[i] ?? 0) ^ b[i]!;
  return difference === 0;
}

export const answer = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const env = (name: string) => Deno.env.get(name)?.trim() || undefined;

/**
 * The project's RPCs, called as the service role, for a POST that carries the service-role key;
 * otherwise the answer to give.
 */
export function serviceRoleRpc(request: Request): { rpc: Rpc; refused?: undefined } | { refused: Response } {
  if (request.method !== 'POST') return { refused: answer(405, { error: 'call this function with POST' }) };
  const supabaseUrl = env('SUPABASE_URL');
  const serviceRoleKey = env('SUPABASE_SERVICE_ROLE_KEY');
  if (!supabaseUrl || !serviceRoleKey) return { refused: answer(500, { error: 'SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are not set' }) };
  const bearer = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  if (!sameSecret(bearer, serviceRoleKey)) return { refused: answer(401, { error: 'call this function with the service-role key' }) };
  const supabase = createClient(supabaseUrl, serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
  return {
    async rpc<T>(fn: string, args: Record<string, unknown>): Promise<T> {
      const { data, error } = await supabase.rpc(fn, args);
      if (error) throw new Error(`${fn}: ${error.message}`);
      return data as T;
    },
  };
}
