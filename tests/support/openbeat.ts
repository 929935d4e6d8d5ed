// Runs the `openbeat` command in this process, as a terminal would run it,
// and keeps what it printed: its exit code, and its output and errors as text.
import { main } from '../../src/cli/main.ts';

export async function openbeat(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
