/**
 * The real start-up path in its own process (src/main.ts): `--discord` without a token exits 1
 * with a clear message; with a token the bot logs into the stand-in, and SIGTERM shuts it down
 * gracefully with exit code 0, never printing the token.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOKEN } from './harness.js';
import { slash } from './payloads.js';
import { DiscordStandIn } from './standin.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let standin: DiscordStandIn;
beforeAll(async () => {
  standin = await DiscordStandIn.start();
});
afterAll(async () => {
  await standin?.close();
});

function startMain(args: string[], env: Record<string, string>) {
  const clean: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
  for (const k of Object.keys(clean)) if (k.startsWith('DISCORD_')) delete clean[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

it('refuses --discord without a token: exit 1 and a clear message', async () => {
  const run = startMain(['--discord'], { DISCORD_TOKEN: '' });
  expect(await run.exited).toBe(1);
  expect(run.output()).toMatch(/DISCORD_TOKEN is not set/);
}, 60_000);

it('exits non-zero within 10 s of a refused login (bad token), saying why, with feeds configured', async () => {
  standin.failNext('GET', /^\/gateway\/bot$/, 401, { message: '401: Unauthorized', code: 0 });
  const from = standin.calls.length;
  const run = startMain(['--discord'], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: standin.apiBase,
    // The poller and the folder watcher are what kept a failed bot alive.
    FEEDS: 'http://127.0.0.1:9/feed.xml',
    FEED_INTERVAL_MINUTES: '0.05',
  });
  try {
    const refused = await standin.waitForCall((c) => c.path === '/gateway/bot' && c.status === 401, from, 45_000);
    const code = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('still running'), 10_000))]);
    expect(code).toBe(1);
    expect(performance.now() - refused.at).toBeLessThan(10_000);
    expect(run.output()).toMatch(/discord login failed/);
    expect(run.output()).toMatch(/verbatim failed to start: An invalid token was provided/);
    expect(run.output()).not.toContain(TOKEN);
  } finally {
    run.child.kill('SIGKILL');
  }
}, 90_000);

it('runs the bot with a token, answers, and exits 0 on SIGTERM after a graceful shutdown', async () => {
  const run = startMain(['--discord'], { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase });
  try {
    await expect.poll(() => run.output(), { timeout: 45_000, interval: 100 }).toMatch(/discord ready/);
    const p = slash('help');
    const from = standin.calls.length;
    standin.dispatch('INTERACTION_CREATE', p);
    await standin.waitForCall((c) => c.path.startsWith(`/interactions/${p.id}/`), from, 10_000);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/discord stopped/);
    expect(run.output()).not.toContain(TOKEN);
  } finally {
    run.child.kill('SIGKILL');
  }
}, 90_000);
