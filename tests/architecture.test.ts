import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, type Edge, importGraph, type Layer, violations } from './architecture/imports.js';

describe('imports of src/', () => {
  it('run one way along the pipeline and form no cycle', () => {
    const { files, edges } = importGraph(resolve(import.meta.dirname, '../src'));
    expect(files.length).toBeGreaterThan(50);
    expect(edges.length).toBeGreaterThan(files.length);
    // Printed one per line, so a failure names each offending import.
    expect(violations(files, edges).join('\n')).toBe('');
  });
});

describe("docs/architecture.md's layout", () => {
  it('names every folder and top-level file of src/, and every file of render/discord/', () => {
    const root = resolve(import.meta.dirname, '..');
    const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
    const layout = /## Layout[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const src = readdirSync(join(root, 'src'), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    const named = [...src, ...readdirSync(join(root, 'src/render/discord'))];
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((n) => !layout.includes(n))).toEqual([]);
  });
});

describe('the import checker', () => {
  const layers: Layer[] = [
    { name: 'knowledge', holds: ['knowledge/'], mayImport: [] },
    { name: 'answer', holds: ['answer/'], mayImport: ['knowledge'] },
    { name: 'config', holds: ['config.ts'], mayImport: [] },
  ];
  const files = ['src/knowledge/a.ts', 'src/knowledge/b.ts', 'src/answer/c.ts', 'src/config.ts'];

  it('passes imports to the left', () => {
    const edges: Edge[] = [
      { from: 'src/answer/c.ts', to: 'src/knowledge/a.ts' },
      { from: 'src/knowledge/a.ts', to: 'src/knowledge/b.ts' },
    ];
    expect(violations(files, edges, layers)).toEqual([]);
  });

  it('names an import against the direction, and one into a layer not allowed', () => {
    const edges: Edge[] = [
      { from: 'src/knowledge/a.ts', to: 'src/answer/c.ts' },
      { from: 'src/answer/c.ts', to: 'src/config.ts' },
    ];
    expect(violations(files, edges, layers)).toEqual([
      'src/knowledge/a.ts -> src/answer/c.ts: knowledge may import nothing outside itself, not answer',
      'src/answer/c.ts -> src/config.ts: answer may import knowledge, not config',
    ]);
  });

  it('finds a cycle inside one layer once, and a file in no layer', () => {
    const edges: Edge[] = [
      { from: 'src/knowledge/a.ts', to: 'src/knowledge/b.ts' },
      { from: 'src/knowledge/b.ts', to: 'src/knowledge/a.ts' },
    ];
    expect(cycles(files, edges)).toEqual([['src/knowledge/a.ts', 'src/knowledge/b.ts', 'src/knowledge/a.ts']]);
    expect(violations([...files, 'src/stray.ts'], edges, layers)).toEqual([
      'src/stray.ts: in no layer (add it to LAYERS in tests/architecture/imports.ts)',
      'import cycle: src/knowledge/a.ts -> src/knowledge/b.ts -> src/knowledge/a.ts',
    ]);
  });
});
