import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Python, which has pandas and scikit-learn when python3-pandas/python3-sklearn are installed. */
export const PYTHON = '/usr/bin/python3';

/** The script path of a reference under bench/reference/. */
export const reference = (name: string): string => new URL(`./reference/${name}`, import.meta.url).pathname;

/** Whether Debian's python3 can import every module named (e.g. pandas, sklearn); prints why a reference is skipped. */
export function pythonHas(modules: readonly string[], what: string): boolean {
  const ok = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0;
  if (!ok) console.log(`${what}: reference skipped (${PYTHON} with ${modules.join(' and ')} not found; apt-get install ${modules.map((m) => `python3-${m === 'sklearn' ? 'sklearn' : m}`).join(' ')})`);
  return ok;
}

/** One whole-process command to time. */
export interface Contender {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

/** Wall and CPU (user + system) seconds of each run of a contender, and the stdout of each run (the last one apart). */
export interface Timings {
  readonly wall: number[];
  readonly cpu: number[];
  readonly stdouts: string[];
  stdout: string;
}

const TIME = '/usr/bin/time';
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
/** Median of a non-empty list. */
export const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the contenders alternately (a, b, c, a, b, c, …) `rounds` times as whole processes, so a change in machine load
 * hits each of them alike. Wall time is measured here; CPU time comes from GNU time when it is installed (it keeps
 * the comparison fair on a machine shared with other work, where wall time also counts waiting for a core).
 */
export function alternate(contenders: readonly Contender[], rounds: number): Map<string, Timings> {
  const out = new Map<string, Timings>(contenders.map((c) => [c.name, { wall: [], cpu: [], stdouts: [], stdout: '' }]));
  const dir = mkdtempSync(join(tmpdir(), 'mle-bench-time-'));
  const timeFile = join(dir, 'time');
  const gnuTime = existsSync(TIME);
  for (let round = 0; round < rounds; round++) {
    for (const c of contenders) {
      const [command, args] = gnuTime ? [TIME, ['-f', '%U %S', '-o', timeFile, c.command, ...c.args]] : [c.command, [...c.args]];
      const start = process.hrtime.bigint();
      const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const t = out.get(c.name) as Timings;
      t.wall.push(wall);
      if (gnuTime) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [NaN, NaN];
        t.cpu.push(user + system);
      }
      t.stdout = result.stdout;
      t.stdouts.push(result.stdout);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** "1.23 s wall (best 1.01 s; cpu 1.10 s)": median and best wall time of a contender's runs, median CPU time when known. */
export function describe(t: Timings): string {
  return `${median(t.wall).toFixed(2).padStart(6)} s wall (best ${Math.min(...t.wall).toFixed(2)} s${t.cpu.length ? `; cpu ${median(t.cpu).toFixed(2)} s` : ''})`;
}

/** The ratio line the issue asks for: ours / theirs on median wall time, and on median CPU time when known. */
export function ratioLine(what: string, ours: Timings, theirs: Timings, referenceName: string, goal?: number): string {
  // Median wall is the headline; best-of wall is the least disturbed run of each (closest to a quiet machine), and CPU
  // time does not count waiting for a core when other work shares the machine.
  const wall = median(ours.wall) / median(theirs.wall);
  const best = Math.min(...ours.wall) / Math.min(...theirs.wall);
  const cpu = ours.cpu.length && theirs.cpu.length ? median(ours.cpu) / median(theirs.cpu) : null;
  const target = goal === undefined ? '' : `  (goal ≤ ${goal.toFixed(2)} on median wall: ${wall <= goal ? 'met' : 'not met'})`;
  return `${what}: ratio = ours/theirs = ${wall.toFixed(2)} median wall, ${best.toFixed(2)} best wall${cpu === null ? '' : `, ${cpu.toFixed(2)} cpu`} vs ${referenceName}${target}`;
}
