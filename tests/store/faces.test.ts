/**
 * With DATABASE_URL set, `ask` and the console answer from the database: the folder only seeds an
 * empty one, and a source put into the database is answered though no file holds it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { ROOT } from '../e2e/spawn.js';
import { DATABASE_URL, dropSchema, schemaName } from './db.js';

const run = promisify(execFile);
const schema = schemaName('faces');

describe.skipIf(!inject('services').postgres)('ask and the console over the database', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verbatim-faces-'));
    await cp(join(ROOT, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
    env = {
      ...process.env,
      DATABASE_URL,
      DATABASE_SCHEMA: schema,
      KNOWLEDGE_DIR: join(dir, 'knowledge'),
      VERBATIM_CACHE_DIR: join(dir, 'cache'),
      DISCORD_TOKEN: '',
    };
  });
  afterAll(async () => {
    await dropSchema(schema);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ask seeds the empty database, then answers what only the database holds', async () => {
    const first = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', '/quote stoltenberg china'], { cwd: ROOT, env });
    expect(JSON.parse(first.stdout)).toMatchObject({ found: true, citations: [expect.objectContaining({ speaker: 'Jens Stoltenberg' })] });

    const store = await openPostgresStore({ url: DATABASE_URL, schema });
    await store.put(Buffer.from('---\ntitle: Pier\ndate: 2024-07-01\n---\n“The pier stays open all night,” said Lena Dahl.\n'), 'pier.md');
    await store.close();
    // The folder no longer matters once the database holds knowledge: a new file there is not answered.
    await writeFile(join(dir, 'knowledge', 'folder-only.md'), '---\ntitle: F\ndate: 2024-07-02\n---\n“Only in the folder,” said Olaf Wik.\n');
    const both = await run('bash', ['-c', `printf '/quote dahl pier\\n/quote wik folder\\n' | "${process.execPath}" --import tsx src/main.ts`], {
      cwd: ROOT,
      env,
    });
    expect(both.stdout).toMatch(/pier stays open all night/);
    expect(both.stdout).not.toMatch(/Only in the folder/);
  }, 60_000);
});
