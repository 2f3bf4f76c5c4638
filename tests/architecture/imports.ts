import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of src/ and the rules it must keep: every import runs one way along the
 * pipeline (knowledge → search → answer → render → faces; ingest and store are adapters at the
 * edge), and no file reaches itself through its imports.
 */

/** An import of one file by another, as paths relative to the project (`src/answer/quote.ts`). */
export interface Edge {
  from: string;
  to: string;
}

/** What a layer holds and which other layers it may import (its own always). */
export interface Layer {
  name: string;
  /** Paths relative to src/: a folder (`answer/`) or a file (`config.ts`). */
  holds: string[];
  mayImport: string[];
}

/**
 * The layers, left to right. The pure core (knowledge … render) imports no edge, face, config or
 * logger; ingest and store hand the core bytes and provenance; the assembly files load and keep a
 * knowledge base for the faces; config.ts and log.ts (environment, logging) and flags.ts (argv) are
 * for the edges and faces; faces never import each other, and only main.ts picks a face.
 */
const LAYERS: Layer[] = [
  { name: 'knowledge', holds: ['knowledge/'], mayImport: [] },
  { name: 'search', holds: ['search/'], mayImport: ['knowledge'] },
  { name: 'answer', holds: ['answer/'], mayImport: ['knowledge', 'search'] },
  { name: 'render', holds: ['render/'], mayImport: ['knowledge', 'search', 'answer'] },
  { name: 'settings', holds: ['config.ts', 'log.ts'], mayImport: [] },
  { name: 'flags', holds: ['flags.ts'], mayImport: [] },
  { name: 'store', holds: ['store/'], mayImport: ['knowledge', 'settings'] },
  { name: 'ingest', holds: ['ingest/'], mayImport: ['knowledge', 'store', 'settings'] },
  {
    name: 'assembly',
    holds: ['snapshot.ts', 'live.ts', 'load-core.ts', 'progress.ts', 'knowledge-folder.ts'],
    mayImport: ['knowledge', 'search', 'answer', 'store'],
  },
  { name: 'cli', holds: ['cli/'], mayImport: ['knowledge', 'search', 'answer', 'render', 'settings', 'flags', 'store', 'ingest', 'assembly'] },
  {
    name: 'discord',
    holds: ['discord/'],
    mayImport: ['knowledge', 'search', 'answer', 'render', 'settings', 'flags', 'store', 'ingest', 'assembly'],
  },
  { name: 'main', holds: ['main.ts'], mayImport: ['settings', 'flags', 'store', 'assembly', 'cli', 'discord'] },
];

/** Every `import`, `export … from` and `import()` between the .ts files under `root`. */
export function importGraph(root: string, base = resolve(root, '..')): { files: string[]; edges: Edge[] } {
  const files = listTs(root).map((f) => relative(base, f));
  const edges: Edge[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(base, file), 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = relative(base, resolve(base, dirname(file), fileName)).replace(/\.js$/, '.ts');
      if (to.endsWith('.ts')) edges.push({ from: file, to });
    }
  }
  return { files, edges };
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listTs(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .sort();
}

/** The layer of a file (`src/answer/quote.ts` → answer), or null when no layer holds it. */
function layerOf(file: string, layers: Layer[], prefix = 'src/'): Layer | null {
  const path = file.startsWith(prefix) ? file.slice(prefix.length) : file;
  return layers.find((l) => l.holds.some((h) => (h.endsWith('/') ? path.startsWith(h) : path === h))) ?? null;
}

/** One line per import against the direction, per file in no layer, and per import cycle. */
export function violations(files: string[], edges: Edge[], layers: Layer[] = LAYERS): string[] {
  const out: string[] = [];
  for (const f of files) if (!layerOf(f, layers)) out.push(`${f}: in no layer (add it to LAYERS in tests/architecture/imports.ts)`);
  for (const e of edges) {
    const from = layerOf(e.from, layers);
    const to = layerOf(e.to, layers);
    if (!from || !to || from === to || from.mayImport.includes(to.name)) continue;
    out.push(`${e.from} -> ${e.to}: ${from.name} may import ${from.mayImport.join(', ') || 'nothing outside itself'}, not ${to.name}`);
  }
  for (const cycle of cycles(files, edges)) out.push(`import cycle: ${cycle.join(' -> ')}`);
  return out;
}

/** Each import cycle once, as the files on it with the first repeated at the end. */
export function cycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of next.get(f) ?? []) {
      if (state.get(t) === 'open') {
        const cycle = stack.slice(stack.indexOf(t));
        // The same cycle entered at another file is one cycle: key it by its smallest rotation.
        const key = [...cycle].sort().join(' ');
        if (!found.has(key)) found.set(key, [...cycle, t]);
      } else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...files, ...next.keys()]) if (!state.has(f)) visit(f);
  return [...found.values()];
}
