/**
 * A V8 CPU profile (.cpuprofile, as `node --cpu-prof` or the inspector's
 * Profiler write it) summarised as self time per function and per file.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  ms: number;
  share: number;
}

function where(url: string, repo: string): string {
  if (!url) return '(native)';
  let u = url.replace(/^file:\/\//, '');
  if (u.startsWith(repo)) u = u.slice(repo.length + 1);
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) u = u.slice(nm + 'node_modules/'.length);
  return u;
}

/** Self time by function (name, file:line) and by file, largest first. */
export function selfTimes(p: CpuProfile, repo: string): { total: number; functions: ProfileEntry[]; files: ProfileEntry[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const f = n.callFrame;
    // idle time is not the pipeline's; (program) and (garbage collector) are kept
    if (f.functionName === '(idle)') continue;
    total += us;
    const file = where(f.url, repo);
    const key = `${f.functionName || '(anonymous)'}  ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const fileKey = f.url ? file : f.functionName;
    files.set(fileKey, (files.get(fileKey) ?? 0) + us);
  }
  const entries = (m: Map<string, number>) =>
    [...m.entries()].map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 })).sort((a, b) => b.ms - a.ms);
  return { total: total / 1000, functions: entries(fns), files: entries(files) };
}

export function summariseProfile(p: CpuProfile, repo: string, top = 25): string {
  const s = selfTimes(p, repo);
  const line = (e: ProfileEntry) => `  ${`${(e.share * 100).toFixed(1)}%`.padStart(6)} ${`${Math.round(e.ms)} ms`.padStart(9)}  ${e.name}\n`;
  let out = `self time, ${Math.round(s.total)} ms sampled\nby file:\n`;
  for (const e of s.files.slice(0, 15)) out += line(e);
  out += `by function (top ${top}):\n`;
  for (const e of s.functions.slice(0, top)) out += line(e);
  return out;
}
