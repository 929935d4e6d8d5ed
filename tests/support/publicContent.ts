/**
 * The tables the public may read directly: the jurisdiction's content, which the public site
 * shows, and only its published rows (policies <table>_anon_read). Written out here, not taken
 * from the code, so that widening what anon reads is a deliberate change to the tests too.
 */
export const publicContentTables = ['beats', 'districts', 'meeting_exceptions', 'meetings', 'officers', 'site_settings', 'workshops'];
