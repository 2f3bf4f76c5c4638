/**
 * `npm run register` against the stand-in: the real script, in its own process, sends exactly
 * the command list the router is built from (guild-scoped when DISCORD_GUILD_ID is set).
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/commands/index.js';
import { TOKEN } from './harness.js';
import { IDS } from './payloads.js';
import { DiscordStandIn } from './standin.js';

let standin: DiscordStandIn;
beforeAll(async () => {
  standin = await DiscordStandIn.start();
});
afterAll(async () => {
  await standin?.close();
});

function register(extra: Record<string, string>): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_FORMAT: 'json', LOG_LEVEL: 'info' };
  for (const k of Object.keys(env)) if (k.startsWith('DISCORD_')) delete env[k];
  Object.assign(env, { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: IDS.app, DISCORD_API_BASE: standin.apiBase, DISCORD_GUILD_ID: '' }, extra);
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'register'], { env, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

it("sends the router's command list to the guild, with contexts and integration types", async () => {
  const from = standin.calls.length;
  const { code, out } = await register({ DISCORD_GUILD_ID: IDS.guild });
  expect(code, out).toBe(0);
  const put = standin.calls.slice(from).find((c) => c.method === 'PUT')!;
  expect(put.path).toBe(`/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
  expect(put.auth).toBe(`Bot ${TOKEN}`);
  expect(put.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
  expect(put.body.map((c: { name: string }) => c.name)).toEqual([
    'quote',
    'summary',
    'timeline',
    'verify',
    'sources',
    'help',
    'reload',
    'add',
    'Verify quote',
  ]);
  for (const c of put.body) {
    // /reload and /add are for server admins only: guild context, Manage Server (1 << 5) by default.
    const admin = c.name === 'reload' || c.name === 'add';
    expect(c.contexts).toEqual(admin ? [0] : [0, 1, 2]);
    expect(c.default_member_permissions).toBe(admin ? '32' : undefined);
    // Everything but the admin commands is also a user-installed app (1): usable where the bot is not a member.
    expect(c.integration_types).toEqual(admin ? [0] : [0, 1]);
  }
  expect(out).not.toContain(TOKEN);
}, 90_000);

it('registers globally without DISCORD_GUILD_ID, and fails clearly without a token', async () => {
  const from = standin.calls.length;
  const ok = await register({});
  expect(ok.code, ok.out).toBe(0);
  expect(standin.calls.slice(from).find((c) => c.method === 'PUT')?.path).toBe(`/applications/${IDS.app}/commands`);
  const missing = await register({ DISCORD_TOKEN: '' });
  expect(missing.code).not.toBe(0);
  expect(missing.out).toMatch(/DISCORD_TOKEN/);
}, 90_000);
