// Bad input is reported as a list of problems, all found in one run, so a
// department fixing a file sees everything wrong with it at once rather than
// one problem per attempt. The message is what the terminal shows: one line
// per problem, cut short so a wholly wrong file does not flood the screen.

const SHOWN = 50;

export class ImportError extends Error {
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    const hidden = list.length - SHOWN;
    super(hidden > 0 ? [...list.slice(0, SHOWN), `… and ${hidden} more problems`].join('\n') : list.join('\n'));
    this.name = 'ImportError';
    this.problems = list;
  }
}

export function throwIfAny(problems: readonly string[]): void {
  if (problems.length > 0) throw new ImportError(problems);
}

interface SchemaIssues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** A schema's complaints about something the importer built, one line each, under the entry's name. */
export function issueLines(entry: string, error: SchemaIssues): string[] {
  return error.issues.map((issue) => `${entry}: ${issue.path.map(String).join('.') || '(entry)'}: ${issue.message}`);
}

interface Schema {
  safeParse(data: unknown): { success: true } | { success: false; error: SchemaIssues };
}

/** Checks what the importer is about to write against the schema the build uses. */
export function checkEntry(schema: Schema, data: unknown, entry: string): string[] {
  const parsed = schema.safeParse(data);
  return parsed.success ? [] : issueLines(entry, parsed.error);
}
