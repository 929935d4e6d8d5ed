import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route.ts';

const id = '3634a99f-2b11-4dcd-8887-ebbeb2aba4f1';

describe('the workspace’s address', () => {
  it('names an item by kind and id, and reads it back', () => {
    for (const kind of ['tip', 'watch_group', 'workshop_request'] as const) {
      expect(parseRoute(routeHash({ view: 'item', kind, id }))).toEqual({ view: 'item', kind, id });
    }
    expect(routeHash({ view: 'item', kind: 'watch_group', id })).toBe(`#watch-group/${id}`);
    expect(parseRoute(`#tip/${id.toUpperCase()}`)).toEqual({ view: 'item', kind: 'tip', id });
  });

  it('opens the summary, and the inbox without a hash', () => {
    expect(parseRoute('#summary')).toEqual({ view: 'summary' });
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

  it('leaves other fragments (the skip link, links to a field) to the page', () => {
    for (const hash of ['#main', '#tip-triage-status', '#tip', '#tip/', '#tip/not-an-id', `#tips/${id}`, `#tip/${id}/more`, `#watch_group/${id}`, '#staff/', '#staff/someone', `#staff/${id}/more`, `#staff-member/${id}`]) {
      expect(parseRoute(hash)).toBeNull();
    }
  });
});
