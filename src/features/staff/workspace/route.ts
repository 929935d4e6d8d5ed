// Where in the workspace the reader is, kept in the address's hash so that
// reload, back and forward work and an item can be sent to a colleague:
// #tip/<id>, #watch-group/<id>, #workshop-request/<id>, #summary, #notifications
// (the member's email notifications), or the inbox;
// #content (the content the member may edit), #meeting/<id>, #officer/<slug>
// and #workshop/<id> (one of them; `new` for a new one), #beat/<id> and
// #district/<id> (which only an import of boundaries adds), and #site;
// #priority/<id> (#priority/new, or #priority/new/<suggestion id> for one
// made from a resident's suggestion) and #report/<meeting id>/<date>; and,
// for coordinators, #staff (the staff accounts) and #staff/<user id> (one of them).
import { idPattern } from '../../../lib/ids.ts';
import { itemKinds, type ItemKind } from './records.ts';

export type Route =
  | { view: 'inbox' }
  | { view: 'summary' }
  | { view: 'notifications' }
  | { view: 'item'; kind: ItemKind; id: string }
  | { view: 'staff' }
  | { view: 'staff_member'; userId: string }
  | ContentRoute;

/** The content desk's views: its list, and one item to edit. */
export type ContentRoute =
  | { view: 'content' }
  /** A meeting, an officer's profile or a workshop of the catalogue to edit; a null id for a new one. */
  | { view: 'meeting' | 'officer' | 'workshop'; id: string | null }
  | { view: 'beat' | 'district'; id: string }
  /** A beat priority; a null id for a new one, made from the resident's suggestion named, if any. */
  | { view: 'priority'; id: string | null; suggestion: string | null }
  /** The report of a meeting's date (its local date, as the report is filed). */
  | { view: 'report'; meetingId: string; date: string }
  | { view: 'site' };

const contentViews: ReadonlyArray<ContentRoute['view']> = ['content', 'meeting', 'officer', 'workshop', 'beat', 'district', 'priority', 'report', 'site'];
const localDate = /^\d{4}-\d{2}-\d{2}$/;
export const isContentRoute = (route: Route): route is ContentRoute => (contentViews as readonly string[]).includes(route.view);

const segment = (kind: ItemKind) => kind.replace(/_/g, '-');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Supabase Auth sends back from a sign-in link: supabase-js's, never a route.
const fromAuth = /(^|&)(access_token|refresh_token|error|error_code|error_description)=/;

/**
 * The view a hash names; null for a hash that is not one of the workspace's
 * addresses (the skip link's #main, an error summary's link to a field), which
 * moves within the page and leaves the view as it is; null too for the session or the
 * error a sign-in link brings back (#access_token=…, #error=…).
 */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '');
  if (fromAuth.test(path)) return null;
  if (path === '' || path === 'inbox') return { view: 'inbox' };
  if (path === 'summary') return { view: 'summary' };
  if (path === 'notifications') return { view: 'notifications' };
  if (path === 'staff') return { view: 'staff' };
  if (path === 'content') return { view: 'content' };
  if (path === 'site') return { view: 'site' };
  const [first, id, ...rest] = path.split('/');
  if (first === 'staff' && id && rest.length === 0 && uuid.test(id)) return { view: 'staff_member', userId: id.toLowerCase() };
  if ((first === 'meeting' || first === 'officer' || first === 'workshop') && id && rest.length === 0) {
    if (id === 'new') return { view: first, id: null };
    if (idPattern.test(id)) return { view: first, id };
  }
  if ((first === 'beat' || first === 'district') && id && rest.length === 0 && idPattern.test(id)) return { view: first, id };
  if (first === 'priority' && id === 'new' && rest.length <= 1 && (rest.length === 0 || uuid.test(rest[0]!))) return { view: 'priority', id: null, suggestion: rest[0]?.toLowerCase() ?? null };
  if (first === 'priority' && id && rest.length === 0 && idPattern.test(id)) return { view: 'priority', id, suggestion: null };
  if (first === 'report' && id && rest.length === 1 && idPattern.test(id) && localDate.test(rest[0]!)) return { view: 'report', meetingId: id, date: rest[0]! };
  const kind = itemKinds.find((candidate) => segment(candidate) === first);
  if (kind && id && rest.length === 0 && uuid.test(id)) return { view: 'item', kind, id: id.toLowerCase() };
  return null;
}

export function routeHash(route: Route): string {
  if (route.view === 'item') return `#${segment(route.kind)}/${route.id}`;
  if (route.view === 'staff_member') return `#staff/${route.userId}`;
  if (route.view === 'meeting' || route.view === 'officer' || route.view === 'workshop') return `#${route.view}/${route.id ?? 'new'}`;
  if (route.view === 'beat' || route.view === 'district') return `#${route.view}/${route.id}`;
  if (route.view === 'priority') return route.id !== null ? `#priority/${route.id}` : `#priority/new${route.suggestion ? `/${route.suggestion}` : ''}`;
  if (route.view === 'report') return `#report/${route.meetingId}/${route.date}`;
  return `#${route.view}`;
}
