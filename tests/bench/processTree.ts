// Peak memory of a process and everything it starts, read from /proc, since
// /usr/bin/time is not on every machine and Node reports only its own usage.
import { readdirSync, readFileSync } from 'node:fs';

export interface MemoryPeak {
  /** Highest sum of resident memory over the whole tree at any one sample (bytes). */
  treeRss: number;
  /** Highest resident memory any single process of the tree ever reached (its VmHWM, bytes). */
  largestProcess: number;
}

/** Samples the tree rooted at `pid` until stopped; Linux only (no /proc: zeros, said by `measured`). */
export function watchMemory(pid: number, intervalMs = 100) {
  const peak: MemoryPeak = { treeRss: 0, largestProcess: 0 };
  let measured = false;
  const sample = () => {
    let total = 0;
    for (const member of descendants(pid)) {
      const status = readStatus(member);
      if (!status) continue;
      measured = true;
      total += status.rss;
      peak.largestProcess = Math.max(peak.largestProcess, status.hwm);
    }
    peak.treeRss = Math.max(peak.treeRss, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    /** Takes one last sample (call it before the process is reaped) and stops. */
    stop(): (MemoryPeak & { measured: boolean }) {
      sample();
      clearInterval(timer);
      return { ...peak, measured };
    },
  };
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: the parent is after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function readStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}
