// The staff workspace's row-level security scopes officers by the beats they
// serve and supervisors by district, but beats and officers are content files
// the database cannot read. This writes the SQL that copies those two facts
// into public.jurisdiction_beats and public.officer_beats, so a deployment
// re-runs it whenever beats or officers change, and the local seed carries the
// demo city's copy.

/** What the scope is made of: the shape of validated content, and of the demo city's records. */
export interface ScopeSource {
  beats: ReadonlyArray<{ id: string; district: string }>;
  officers: ReadonlyArray<{ id: string; beats: readonly string[]; district?: string | undefined }>;
}

export interface JurisdictionScope {
  beats: Array<{ beat: string; district: string }>;
  officerBeats: Array<{ officerSlug: string; beat: string }>;
}

// Sorted, so the SQL for unchanged content is byte for byte the same (the
// seed is compared with the generator's output).
const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/** Each beat with its district; each officer's beats, a district's officers serving every beat of it. */
export function jurisdictionScope({ beats, officers }: ScopeSource): JurisdictionScope {
  const beatsOf = new Map<string, string[]>();
  for (const beat of beats) beatsOf.set(beat.district, [...(beatsOf.get(beat.district) ?? []), beat.id]);
  const officerBeats = officers.flatMap((officer) => {
    const served = new Set([...officer.beats, ...(officer.district === undefined ? [] : (beatsOf.get(officer.district) ?? []))]);
    return [...served].sort(byId).map((beat) => ({ officerSlug: officer.id, beat }));
  });
  return {
    beats: beats.map((beat) => ({ beat: beat.id, district: beat.district })).sort((a, b) => byId(a.beat, b.beat)),
    officerBeats: officerBeats.sort((a, b) => byId(a.officerSlug, b.officerSlug) || byId(a.beat, b.beat)),
  };
}

/** A string literal that is safe whatever the text holds (standard_conforming_strings is on in every supported Postgres). */
export function sqlText(text: string): string {
  if (text.includes('\u0000')) throw new Error(`a NUL character cannot be stored in Postgres text: ${JSON.stringify(text)}`);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SQL that makes the scope tables hold exactly `source`'s scope: rows no longer
 * in the content are deleted, the rest inserted or corrected. Running it twice
 * changes nothing the second time. With `transaction: false` it leaves out its
 * own begin/commit, for a script that is already one transaction (the seed).
 */
export function staffScopeSql(source: ScopeSource, { transaction = true }: { transaction?: boolean } = {}): string {
  const scope = jurisdictionScope(source);
  const beats = replaceRows({
    table: 'public.jurisdiction_beats',
    columns: ['beat', 'district'],
    key: ['beat'],
    rows: scope.beats.map(({ beat, district }) => [beat, district]),
  });
  const officerBeats = replaceRows({
    table: 'public.officer_beats',
    columns: ['officer_slug', 'beat'],
    key: ['officer_slug', 'beat'],
    rows: scope.officerBeats.map(({ officerSlug, beat }) => [officerSlug, beat]),
  });
  const body =
    `-- ${scope.beats.length} beats and their districts\n${beats}\n` +
    `-- ${scope.officerBeats.length} officer–beat pairs: the beats each officer profile serves (an officer who serves a district serves each of its beats)\n${officerBeats}`;
  return transaction ? `begin;\n\n${body}\ncommit;\n` : body;
}

interface Rows {
  table: string;
  columns: string[];
  key: string[];
  rows: string[][];
}

// One statement per table: a data-modifying CTE deletes what the content no
// longer has, and the insert adds or corrects the rest. Both see the table as
// it was before the statement and touch disjoint rows, so the order between
// them does not matter.
function replaceRows({ table, columns, key, rows }: Rows): string {
  if (rows.length === 0) return `delete from ${table};\n`;
  const matches = key.map((column) => `c.${column} = t.${column}`).join(' and ');
  const rest = columns.filter((column) => !key.includes(column));
  const onConflict =
    rest.length === 0
      ? 'do nothing'
      : `do update set ${rest.map((column) => `${column} = excluded.${column}`).join(', ')}\n  where ${rest
          .map((column) => `t.${column} is distinct from excluded.${column}`)
          .join(' or ')}`;
  return (
    `with content (${columns.join(', ')}) as (values\n` +
    rows.map((row) => `  (${row.map(sqlText).join(', ')})`).join(',\n') +
    `\n), gone as (\n  delete from ${table} as t where not exists (select from content as c where ${matches})\n)\n` +
    `insert into ${table} as t (${columns.join(', ')}) select ${columns.join(', ')} from content\n` +
    `on conflict (${key.join(', ')}) ${onConflict};\n`
  );
}
