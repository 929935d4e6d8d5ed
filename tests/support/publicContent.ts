/**
 * The tables the public may read directly: the jurisdiction's content, which the public site
 * shows, and only its published rows (policies <table>_anon_read). Written out here, not taken
 * from the code, so that widening what anon reads is a deliberate change to the tests too.
 */
export const publicContentTables = [
  'beats', 'districts', 'meeting_exceptions', 'meeting_reports', 'meetings', 'officers', 'priorities', 'priority_updates', 'site_settings', 'workshops',
];

/**
 * What else the public may read, and only of what is published: how many residents said a
 * priority matters to them (a row a click, of which anon sees the priority's id and nothing more).
 */
export const publicCounts = { table: 'priority_support', columns: ['priority_id'] };
