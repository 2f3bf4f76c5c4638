import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The environment of a fresh clone: no token, no knowledge folder override, no persisted index. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, VERBATIM_CACHE_DIR: 'off' };
  for (const k of Object.keys(env)) if (k.startsWith('DISCORD_') || k === 'KNOWLEDGE_DIR' || k.startsWith('SHARD')) delete env[k];
  return { ...env, DISCORD_TOKEN: '', ...extra };
}

/** Runs one of the project's commands (a file under src/) the way its npm script does. */
export function run(file: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return spawnSync(TSX, [join(ROOT, 'src', file), ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    env: cleanEnv(options.env),
  });
}

/** A temporary folder holding the given files (name → content). */
export function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
