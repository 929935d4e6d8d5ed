// Spreadsheets saved as CSV (the meeting schedule, the officer roster): a
// header row naming the columns in any order, with case, spaces and hyphens
// ignored ("Venue Name" is venue_name), then one row an entry. Rows are
// numbered as a spreadsheet shows them, the header being row 1; empty rows are
// skipped. A UTF-8 byte order mark and Windows line endings are fine.
import { parse } from 'csv-parse/sync';
import { ImportError, throwIfAny } from './errors.ts';
import { parseId } from './ids.ts';

export interface Header<Column extends string> {
  names: string[];
  index: Map<Column, number>;
  /** Columns the importer does not read, as the header spells them. */
  unknown: string[];
}

export interface CsvRow {
  row: number;
  cells: string[];
}

/**
 * Reads the header and the rows with something in them. `missing` says which
 * required columns a header lacks, given the columns it has.
 */
export function readCsv<Column extends string>(
  file: string,
  text: string,
  columns: readonly Column[],
  missing: (has: (column: Column) => boolean) => Column[],
): { header: Header<Column>; rows: CsvRow[] } {
  if (/\.(xlsx|xls|ods|numbers)$/i.test(file)) throw new ImportError(`${file} is a spreadsheet file; save it as CSV (UTF-8) first`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new ImportError(`${file} is not a readable CSV: ${(error as Error).message}`);
  }
  const [first, ...rest] = records;
  if (first === undefined) throw new ImportError(`${file} is empty; it needs a header row naming the columns (${columns.join(', ')})`);
  const names = first.map(columnName);
  const index = new Map<Column, number>();
  const unknown: string[] = [];
  const problems: string[] = [];
  names.forEach((name, i) => {
    if (!(columns as readonly string[]).includes(name)) {
      if (name !== '') unknown.push(first[i]!.trim());
    } else if (index.has(name as Column)) problems.push(`row 1: column "${name}" appears twice`);
    else index.set(name as Column, i);
  });
  const absent = missing((column) => index.has(column));
  if (absent.length > 0) {
    problems.push(
      `row 1: no column ${absent.map((column) => `"${column}"`).join(', ')}; the columns are: ${first.map((name) => name.trim()).join(', ')}`,
    );
  }
  throwIfAny(problems);
  const rows = rest.map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((value) => value.trim() !== ''));
  return { header: { names, index, unknown }, rows };
}

/** A header cell as a column's name: "Venue Name" and "venue-name" are venue_name. */
export function columnName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * One row being read: its cells, and what is wrong with them, one problem a
 * cell (the schema's view of a cell already found empty or malformed would
 * only repeat it), listed left to right as the row reads in the spreadsheet.
 */
export class RowReader<Column extends string> {
  private readonly found = new Map<Column, string>();
  readonly row: number;
  private readonly cells: string[];
  private readonly header: Header<Column>;

  constructor(row: number, cells: string[], header: Header<Column>) {
    this.row = row;
    this.cells = cells;
    this.header = header;
  }

  /** The trimmed cell, '' when the header lacks the column. */
  cell(column: Column): string {
    const index = this.header.index.get(column);
    return index === undefined ? '' : (this.cells[index] ?? '').trim();
  }

  flag(column: Column, problem: string): void {
    if (!this.found.has(column)) this.found.set(column, problem);
  }

  flagged(column: Column): boolean {
    return this.found.has(column);
  }

  /** The ids a cell lists, read as the map importers read them ("01" is 1). */
  ids(column: Column): string[] {
    return splitList(this.cell(column)).flatMap((value) => {
      const parsed = parseId(value);
      if (parsed !== undefined && 'problem' in parsed) this.flag(column, parsed.problem);
      return parsed !== undefined && 'id' in parsed ? [parsed.id] : [];
    });
  }

  /** The schema's complaints, each on the cell its field comes from. */
  flagIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, columnOf: (at: ReadonlyArray<PropertyKey>) => Column): void {
    for (const issue of issues) {
      const column = columnOf(issue.path);
      const value = this.cell(column);
      this.flag(column, `${value === '' ? '' : `${JSON.stringify(value)}: `}${issue.message}`);
    }
  }

  /** Every problem of the row, one a line. */
  problems(): string[] {
    const { names, index } = this.header;
    // Values past the header's last column would be lost.
    const extra = this.cells.slice(names.length).some((value) => value.trim() !== '')
      ? [`row ${this.row}: ${this.cells.length} values, but the header names ${names.length} columns`]
      : [];
    const position = (column: Column) => index.get(column) ?? names.length;
    return [
      ...extra,
      ...[...this.found].sort(([a], [b]) => position(a) - position(b)).map(([column, problem]) => `row ${this.row}, column ${column}: ${problem}`),
    ];
  }
}

/** Which column a schema field comes from, by its path or the nearest enclosing one; a field without one is a bug of the importer. */
export function columnFinder<Column extends string>(columnOfField: Record<string, Column>, importer: string) {
  return (at: ReadonlyArray<PropertyKey>): Column => {
    for (let length = at.length; length > 0; length--) {
      const column = columnOfField[at.slice(0, length).map(String).join('.')];
      if (column !== undefined) return column;
    }
    throw new Error(`${importer} import: no column for schema field ${at.map(String).join('.')}`);
  };
}

/** The rows' ids so far: a second row with one is a problem, naming the first. */
export class UniqueIds {
  private readonly rowOf = new Map<string, number>();

  problems(id: string | undefined, row: number): string[] {
    if (id === undefined) return [];
    const earlier = this.rowOf.get(id);
    if (earlier === undefined) {
      this.rowOf.set(id, row);
      return [];
    }
    return [`row ${row}, column id: "${id}" is also the id of row ${earlier}; ids must be unique (fill in the id column to tell them apart)`];
  }
}

/** References to beats or districts that a content folder lacks: warnings, not errors, since they may be imported next. */
export function unknownReferences(row: number, entry: { beats: string[]; district?: string }, known: { beats: Set<string>; districts: Set<string> }): string[] {
  const warnings: string[] = [];
  if (known.beats.size > 0) {
    for (const beat of entry.beats) if (!known.beats.has(beat)) warnings.push(`row ${row}, column beats: there is no beat ${beat} in beats/`);
  }
  const { district } = entry;
  if (district !== undefined && known.districts.size > 0 && !known.districts.has(district)) {
    warnings.push(`row ${row}, column district: there is no district ${district} in districts/`);
  }
  return warnings;
}

/** "101; 102, 103 104" → the ids, however a spreadsheet separated them. */
export function splitList(text: string): string[] {
  return text.split(/[\s;,]+/).filter((value) => value !== '');
}

/** What the header's unknown columns get: a warning each. */
export function unknownColumns(header: Header<string>): string[] {
  return header.unknown.map((name) => `column "${name}" is not one the importer reads; it is ignored`);
}
