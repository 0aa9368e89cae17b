import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering: core is pure; storage (IndexedDB) sits on core; workers and the CLI adapt core; state drives the
// workers and storage; ui shows state.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every import of a file: static, dynamic and `new URL(..., import.meta.url)` worker entries. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const patterns = [/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g, /import\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm, /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]);
  return found;
}

const files = sourceFiles(SRC);
const rel = (path: string) => relative(SRC, path).split('\\').join('/');
/** Edges between source files under src/, by path relative to src/. */
const edges = new Map<string, string[]>();
/** Package imports per file. */
const packages = new Map<string, string[]>();
for (const file of files) {
  const specs = importsOf(file);
  edges.set(rel(file), specs.filter((s) => s.startsWith('.')).map((s) => rel(resolve(dirname(file), s))));
  packages.set(rel(file), specs.filter((s) => !s.startsWith('.')));
}

/** The unit a file belongs to for layering: `core/<folder>` (or the core file itself), else the top folder. */
function unit(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'core') return parts.length > 2 ? `core/${parts[1]}` : path;
  return parts.length > 1 ? parts[0] : path;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe('import graph of src/', () => {
  it('scans a real tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.get('core/index.ts')?.length).toBeGreaterThan(10);
  });

  it('has no cycle between files', () => {
    const graph = new Map([...edges].map(([f, to]) => [f, new Set(to)]));
    expect(findCycle(graph)).toBeNull();
  });

  it('has no cycle between folders of core (nor between top-level folders)', () => {
    const graph = new Map<string, Set<string>>();
    for (const [from, to] of edges) {
      for (const target of to) {
        // core/index.ts is the facade over every folder, not a layer of its own.
        if (from === 'core/index.ts' || unit(from) === unit(target)) continue;
        const set = graph.get(unit(from)) ?? new Set<string>();
        set.add(unit(target));
        graph.set(unit(from), set);
      }
    }
    expect(findCycle(graph)).toBeNull();
  });

  const forbidden: [string, RegExp, RegExp][] = [
    ['core never imports state, ui, workers or cli', /^core\//, /^(state|ui|workers|cli)\//],
    ['workers never import state or ui', /^workers\//, /^(state|ui)\//],
    ['state never imports ui or cli', /^state\//, /^(ui|cli)\//],
    ['cli never imports state, ui or workers', /^cli\//, /^(state|ui|workers)\//],
    ['storage never imports state, ui, workers or cli', /^storage\//, /^(state|ui|workers|cli)\//],
    ['ui reaches workers only through state', /^ui\//, /^workers\//],
  ];
  for (const [rule, from, to] of forbidden) {
    it(rule, () => {
      const bad = [...edges].flatMap(([f, targets]) => (from.test(f) ? targets.filter((t) => to.test(t)).map((t) => `${f} → ${t}`) : []));
      expect(bad).toEqual([]);
    });
  }

  it('only core/models imports tfjs, and core imports no svelte, comlink or idb', () => {
    const bad = [...packages].flatMap(([f, pkgs]) => pkgs.flatMap((p) => {
      if (p.startsWith('@tensorflow/') && f.startsWith('core/') && !f.startsWith('core/models/')) return [`${f} → ${p}`];
      if (/^(svelte|comlink|idb)(\/|$)/.test(p) && f.startsWith('core/')) return [`${f} → ${p}`];
      return [];
    }));
    expect(bad).toEqual([]);
  });
});
