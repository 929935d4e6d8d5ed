// Street types (suffixes) as a lookup: each spelling to its USPS standard
// abbreviation, the one spelling matching compares. Made from the whole of
// Publication 28 (suffixes.ts) when building and in the CLI, and from the few
// rows the address catalog carries in the browser: both sides read a city's names
// the same way, because the catalog carries every row a word of them belongs to.

/** Rows of spellings: the standard abbreviation, the primary name, the other spellings: ["st", "street", "strt", "str"]. */
export type TypeSpellings = readonly (readonly string[])[];

export interface StreetTypes {
  /** The rows, as the catalog carries them. */
  readonly rows: TypeSpellings;
  /** The standard abbreviation of a spelling ("street" → st), if it is one. */
  standard(word: string): string | undefined;
  /** The primary name of the type a spelling is of ("av" → avenue). */
  primary(word: string): string | undefined;
  /** Every spelling of a standard abbreviation ("st" → st, street, strt, str), for matching a misspelt type. */
  spellingsOf(type: string): readonly string[];
  /** Standard abbreviations with a spelling that starts with what has been typed so far ("stre" → st). */
  startingWith(partial: string): string[];
}

export function streetTypes(rows: TypeSpellings): StreetTypes {
  const standard = new Map<string, string>();
  const byType = new Map<string, readonly string[]>();
  for (const row of rows) {
    byType.set(row[0]!, row);
    for (const spelling of row) if (!standard.has(spelling)) standard.set(spelling, row[0]!);
  }
  return {
    rows,
    standard: (word) => standard.get(word),
    primary: (word) => byType.get(standard.get(word) ?? '')?.[1],
    spellingsOf: (type) => byType.get(type) ?? [],
    startingWith: (partial) => rows.filter((row) => row.some((spelling) => spelling.startsWith(partial))).map((row) => row[0]!),
  };
}

/** The rows of `all` that any of these words belongs to: what reads a city's street names exactly as `all` does. */
export function typesUsedBy(nameWords: Iterable<string>, all: StreetTypes): TypeSpellings {
  const used = new Set<string>();
  for (const word of nameWords) {
    const type = all.standard(word);
    if (type) used.add(type);
  }
  return all.rows.filter((row) => used.has(row[0]!));
}
