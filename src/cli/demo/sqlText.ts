// The seed's generated sections quote the demo city's values themselves: the
// seed is one SQL file run as it is, with no parameters to bind.

/** A string literal that is safe whatever the text holds (standard_conforming_strings is on in every supported Postgres). */
export function sqlText(text: string): string {
  if (text.includes('\u0000')) throw new Error(`a NUL character cannot be stored in Postgres text: ${JSON.stringify(text)}`);
  return `'${text.replace(/'/g, "''")}'`;
}
