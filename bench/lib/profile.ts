import path from 'node:path';
import { ROOT } from './server.ts';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type Hot = { name: string; ms: number };
export type ProfileSummary = { totalMs: number; selfByFunction: Hot[]; selfByArea: Hot[]; inclusiveApp: Hot[] };

function where(url: string): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** Where a function lives, coarsely: application file, npm package, Node internals, or V8 pseudo-frames. */
function areaOf(frame: CallFrame): string {
  const file = where(frame.url);
  if (!file) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `npm ${pkg[1]}`;
  if (file.startsWith('node:')) return 'node internals';
  return file;
}

function nameOf(frame: CallFrame): string {
  const file = where(frame.url);
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

function top(map: Map<string, number>, n: number): Hot[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000 }));
}

/**
 * Self time by function and by area, and inclusive time of application functions (src/**: each counted once
 * per sample however deep the recursion), from a V8 CPU profile. '(idle)' is time the process waited.
 */
export function summarizeProfile(profile: CpuProfile, n = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const area = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the delta to the next one
    const node = byId.get(id);
    if (!node) continue;
    total += us;
    const frame = node.callFrame;
    self.set(nameOf(frame), (self.get(nameOf(frame)) ?? 0) + us);
    area.set(areaOf(frame), (area.get(areaOf(frame)) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)?.callFrame;
      if (!f || !where(f.url).startsWith('src/')) continue;
      const key = nameOf(f);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  return { totalMs: total / 1000, selfByFunction: top(self, n), selfByArea: top(area, n), inclusiveApp: top(inclusive, n) };
}
