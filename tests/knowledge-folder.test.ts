/** The one knowledge-folder check every face (and `npm run add`) uses. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeDirProblem, noSourceProblem } from '../src/knowledge-folder.js';
import { folder, ROOT } from './cli/run.js';

describe('knowledgeDirProblem', () => {
  it('accepts a folder with a source, and an empty one only when asked to (adding into it)', async () => {
    expect(await knowledgeDirProblem(join(ROOT, 'knowledge'))).toBeNull();
    const empty = folder({ 'README.md': '# about\n' });
    expect(await knowledgeDirProblem(empty)).toMatch(/is empty/);
    expect(await knowledgeDirProblem(empty, { allowEmpty: true })).toBeNull();
  });

  it('names what is wrong in one sentence', async () => {
    expect(await knowledgeDirProblem('/no/such/dir', { allowEmpty: true })).toBe('the knowledge folder /no/such/dir does not exist');
    expect(await knowledgeDirProblem(join(ROOT, 'package.json'))).toMatch(/package\.json is a file, not a folder/);
    expect(
      noSourceProblem('k', 0, [
        { file: 'a.txt', reason: 'x' },
        { file: 'b.txt', reason: 'y' },
      ]),
    ).toBe('no loadable source in k: all 2 files have problems (listed above)');
    expect(noSourceProblem('k', 3, [])).toBeNull();
  });
});
