import { describe, expect, it } from 'vitest';
import { isContentRoute, parseRoute, routeHash } from './route.ts';

const id = '3634a99f-2b11-4dcd-8887-ebbeb2aba4f1';

describe('the workspace’s address', () => {
  it('names an item by kind and id, and reads it back', () => {
    for (const kind of ['tip', 'watch_group', 'workshop_request'] as const) {
      expect(parseRoute(routeHash({ view: 'item', kind, id }))).toEqual({ view: 'item', kind, id });
    }
    expect(routeHash({ view: 'item', kind: 'watch_group', id })).toBe(`#watch-group/${id}`);
    expect(parseRoute(`#tip/${id.toUpperCase()}`)).toEqual({ view: 'item', kind: 'tip', id });
  });

  it('opens the summary, the email notifications, and the inbox without a hash', () => {
    expect(parseRoute('#summary')).toEqual({ view: 'summary' });
    expect(parseRoute(routeHash({ view: 'notifications' }))).toEqual({ view: 'notifications' });
    for (const hash of ['', '#', '#inbox']) expect(parseRoute(hash)).toEqual({ view: 'inbox' });
  });

  it('opens the staff accounts, and one account by its id', () => {
    expect(parseRoute('#staff')).toEqual({ view: 'staff' });
    expect(routeHash({ view: 'staff' })).toBe('#staff');
    expect(parseRoute(routeHash({ view: 'staff_member', userId: id }))).toEqual({ view: 'staff_member', userId: id });
    expect(routeHash({ view: 'staff_member', userId: id })).toBe(`#staff/${id}`);
    expect(parseRoute(`#staff/${id.toUpperCase()}`)).toEqual({ view: 'staff_member', userId: id });
    expect(routeHash({ view: 'inbox' })).toBe('#inbox');
    expect(routeHash({ view: 'summary' })).toBe('#summary');
  });

  it('opens the content, a meeting or an officer to edit by its id, and a new one', () => {
    expect(parseRoute('#content')).toEqual({ view: 'content' });
    expect(parseRoute(routeHash({ view: 'meeting', id: 'beat-101' }))).toEqual({ view: 'meeting', id: 'beat-101' });
    expect(parseRoute('#officer/maria-lopez')).toEqual({ view: 'officer', id: 'maria-lopez' });
    expect(routeHash({ view: 'officer', id: null })).toBe('#officer/new');
    expect(parseRoute('#meeting/new')).toEqual({ view: 'meeting', id: null });
    // Not an id: the page's own fragment, and the view stays.
    expect(parseRoute('#meeting/a b')).toBeNull();
  });

  it('opens a workshop of the catalogue, a beat, a district and the site settings, each as a content view', () => {
    expect(parseRoute(routeHash({ view: 'workshop', id: 'robbery-prevention' }))).toEqual({ view: 'workshop', id: 'robbery-prevention' });
    expect(routeHash({ view: 'workshop', id: null })).toBe('#workshop/new');
    expect(parseRoute('#workshop/new')).toEqual({ view: 'workshop', id: null });
    expect(parseRoute(routeHash({ view: 'beat', id: '0111' }))).toEqual({ view: 'beat', id: '0111' });
    expect(parseRoute(routeHash({ view: 'district', id: '1' }))).toEqual({ view: 'district', id: '1' });
    expect(parseRoute(routeHash({ view: 'site' }))).toEqual({ view: 'site' });
    for (const hash of ['#content', '#site', '#beat/101', '#district/1', '#workshop/new', '#meeting/beat-101', '#officer/new']) expect(isContentRoute(parseRoute(hash)!)).toBe(true);
    for (const hash of ['#inbox', '#summary', '#staff', `#workshop-request/${id}`]) expect(isContentRoute(parseRoute(hash)!)).toBe(false);
    // Beats and districts come from an import of boundaries: there is no new one to make here.
    expect(parseRoute('#beat/')).toBeNull();
    expect(parseRoute('#district/1/more')).toBeNull();
  });

  it('opens a priority, a new one (from a resident’s suggestion or not) and a meeting date’s report, as content views', () => {
    const suggestion = '0b5e55ed-0000-4000-8000-000000000001';
    expect(parseRoute(routeHash({ view: 'priority', id: '101-speeding-on-crane-st', suggestion: null }))).toEqual({ view: 'priority', id: '101-speeding-on-crane-st', suggestion: null });
    expect(parseRoute('#priority/new')).toEqual({ view: 'priority', id: null, suggestion: null });
    expect(parseRoute(routeHash({ view: 'priority', id: null, suggestion }))).toEqual({ view: 'priority', id: null, suggestion });
    expect(parseRoute(routeHash({ view: 'report', meetingId: 'beat-101', date: '2026-11-10' }))).toEqual({ view: 'report', meetingId: 'beat-101', date: '2026-11-10' });
    for (const hash of ['#priority/new', '#priority/101-x', '#report/beat-101/2026-11-10']) expect(isContentRoute(parseRoute(hash)!)).toBe(true);
    expect(parseRoute('#priority/new/not-a-suggestion')).toBeNull();
    expect(parseRoute('#report/beat-101/last-week')).toBeNull();
    expect(isContentRoute(parseRoute(`#suggestion/${suggestion}`)!)).toBe(false);
  });

  it('leaves other fragments (the skip link, links to a field) to the page', () => {
    for (const hash of ['#main', '#tip-triage-status', '#tip', '#tip/', '#tip/not-an-id', `#tips/${id}`, `#tip/${id}/more`, `#watch_group/${id}`, '#staff/', '#staff/someone', `#staff/${id}/more`, `#staff-member/${id}`]) {
      expect(parseRoute(hash)).toBeNull();
    }
  });

  it('never takes what a sign-in link brings back for a place in the workspace', () => {
    const fragments = [
      '#access_token=eyJhbGciOiJIUzI1NiJ9.e30.x&expires_at=1900000000&expires_in=3600&refresh_token=abc&token_type=bearer&type=magiclink',
      `#refresh_token=abc&access_token=tip/${id}`,
      '#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired',
      `#error_description=staff/${id}`,
    ];
    for (const hash of fragments) expect(parseRoute(hash)).toBeNull();
  });
});
