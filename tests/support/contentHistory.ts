// What the content history holds of one item, oldest first, as a test reads it
// (as the database's owner): who changed what, from what, with which note.
import type pg from 'pg';

export async function contentHistory(db: pg.Client, kind: string, itemId: string) {
  const { rows } = await db.query(
    `select history_id, operation, before, after, note, undoes, changed_by_email from public.content_history where kind = $1 and item_id = $2 order by history_id`,
    [kind, itemId],
  );
  return rows;
}
