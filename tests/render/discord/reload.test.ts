import { expect, it } from 'vitest';
import { renderReloadText } from '../../../src/render/discord/reload.js';

const report = { added: [], changed: [], removed: [], keptLastGood: [], problems: [], sources: 3, ms: 12 };

it('says under its first line how the knowledge store and the limits are doing', () => {
  expect(
    renderReloadText(report, {
      database: { store: 'postgres', state: 'reconnecting', detail: 'connect ECONNREFUSED', counter: '41' },
      limits: { store: 'redis', state: 'down', detail: 'connection closed' },
    })
      .split('\n')
      .slice(0, 3),
  ).toEqual([
    'Reloaded in 12 ms: 3 sources. Nothing changed.',
    'Database (PostgreSQL): reconnecting (connect ECONNREFUSED), change 41.',
    'Limits (Redis): down (connection closed); in-memory limits meanwhile.',
  ]);
  expect(renderReloadText(report, { database: { store: 'folder', state: 'ok' }, limits: { store: 'memory', state: 'ok' } })).toContain(
    'Knowledge: the knowledge folder.\nLimits: per process (in memory).',
  );
  expect(renderReloadText(report)).toBe('Reloaded in 12 ms: 3 sources. Nothing changed.\nNo problems.');
});
