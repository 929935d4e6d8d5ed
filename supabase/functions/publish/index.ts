// The publish Edge Function: a hosted deployment's stand-in for the local
// publisher. The database queues a request whenever a change reaches what the
// public site shows (the publish_queue migration); on hosted Supabase, pg_net
// calls this function for each (README, "Publishing from a hosted Supabase
// project"), and a pg_cron job every minute calls it again while any wait, so a
// refused hook is tried again. It waits until the last change is
// PUBLISH_QUIET_SECONDS old, so that a burst of edits is one build, takes the
// waiting requests in (claim_publish_requests: of several calls at once, one
// takes them and the others find nothing), and asks the static host to build:
//
// - BUILD_HOOK_URL, a build hook (Netlify, Cloudflare Pages, Vercel, ...): a
//   POST starts a build, and the host tells nobody how it went, so the
//   requests are recorded as published once the host has accepted the build;
//   a failed build shows in the host's deploy log.
//   With BUILD_HOOK_REPORTS=true the host reports the outcome itself with
//   finish_publish_requests, as the local stack's publisher does, and the
//   requests stay started until it has.
// - GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name): a repository_dispatch of
//   type openbeat-publish, which .github/workflows/publish.yml answers; the
//   requests stay started until the workflow reports the outcome with
//   finish_publish_requests.
//
// A hook that refuses, or does not answer, gives the requests back with the
// reason (release_publish_requests): the staff's status line shows it, and
// the next call tries again. Called with the service-role key only.
import { answer, env, serviceRoleRpc } from '../_shared/serviceRole.ts';

interface Claim {
  ids: number[];
  tables: string[];
  /** Seconds until the waiting requests are due; null when nothing waits. */
  due_in: number | null;
}

type Hook = { kind: 'build hook'; url: string } | { kind: 'github'; url: string; token: string };

/** How long after the last change a build is asked for. */
const quietSeconds = Number(env('PUBLISH_QUIET_SECONDS') ?? 2);
/** How long one call waits for a burst to end; the cron job's next call takes in what is still not due. */
const longestWait = 60_000;
/** How long the host may take to accept a build. */
const hookTimeout = 15_000;

function configuredHook(): Hook | undefined {
  const url = env('BUILD_HOOK_URL');
  if (url) return { kind: 'build hook', url };
  const token = env('GITHUB_TOKEN');
  const repository = env('GITHUB_REPOSITORY');
  if (token && repository) {
    const api = env('GITHUB_API_URL') ?? 'https://api.github.com';
    return { kind: 'github', url: `${api.replace(/\/$/, '')}/repos/${repository}/dispatches`, token };
  }
  return undefined;
}

/** Asks the host to build; the problem, one line, when it would not. */
async function callHook(hook: Hook, claim: Claim): Promise<string | undefined> {
  const request: { headers: Record<string, string>; body: string } =
    hook.kind === 'github'
      ? {
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${hook.token}`,
            'content-type': 'application/json',
            'x-github-api-version': '2022-11-28',
          },
          body: JSON.stringify({ event_type: 'openbeat-publish', client_payload: { publish_request_ids: claim.ids, tables: claim.tables } }),
        }
      : // Hosts ignore the body or pass it to the build (Netlify's INCOMING_HOOK_BODY).
        { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ publish_request_ids: claim.ids, tables: claim.tables }) };
  try {
    const response = await fetch(hook.url, { method: 'POST', ...request, signal: AbortSignal.timeout(hookTimeout) });
    await response.body?.cancel();
    if (response.ok) return undefined;
    return `the ${hook.kind} answered ${response.status} ${response.statusText}`.trim();
  } catch (error) {
    return `the ${hook.kind} did not answer: ${error instanceof Error ? error.message : String(error)}`;
  }
}

Deno.serve(async (request) => {
  const caller = serviceRoleRpc(request);
  if (caller.refused) return caller.refused;
  const { rpc } = caller;
  const hook = configuredHook();
  if (!hook) return answer(500, { error: 'set BUILD_HOOK_URL, or GITHUB_TOKEN and GITHUB_REPOSITORY, with supabase secrets set' });

  try {
    const waitUntil = Date.now() + longestWait;
    let claim = await rpc<Claim>('claim_publish_requests', { quiet_seconds: quietSeconds });
    while (claim.ids.length === 0 && claim.due_in !== null && Date.now() + claim.due_in * 1000 <= waitUntil) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, claim.due_in! * 1000)));
      claim = await rpc<Claim>('claim_publish_requests', { quiet_seconds: quietSeconds });
    }
    if (claim.ids.length === 0) {
      return answer(200, claim.due_in === null ? { action: 'none', reason: 'nothing waits to be published' } : { action: 'none', reason: 'changes are still being made', due_in: claim.due_in });
    }

    const problem = await callHook(hook, claim);
    if (problem) {
      await rpc('release_publish_requests', { ids: claim.ids, problems: [problem] });
      return answer(502, { action: 'hook failed', hook: hook.kind, ids: claim.ids, tables: claim.tables, problem });
    }
    if (hook.kind === 'build hook' && env('BUILD_HOOK_REPORTS') !== 'true') await rpc('finish_publish_requests', { ids: claim.ids, outcome: 'published', problems: [] });
    return answer(200, { action: 'build requested', hook: hook.kind, ids: claim.ids, tables: claim.tables });
  } catch (error) {
    return answer(500, { error: error instanceof Error ? error.message : String(error) });
  }
});
