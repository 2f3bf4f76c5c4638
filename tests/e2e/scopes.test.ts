/**
 * Scopes end to end (docs/scopes.md): two servers on the stand-in, the real bot over the seed
 * knowledge, with the folder store and with PostgreSQL. A page a moderator of server B adds is
 * answered in B (slash commands, autocomplete, mentions, Cite) and unknown in server A and in
 * DMs, after a restart too; `/sources` marks it as B's own with who added it; after promotion it
 * is answered in both. The same page added in two servers is stored once.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveCore } from '../../src/answer/types.js';
import { addedByRecord, moderatorAdd } from '../../src/discord/add-source.js';
import { loadLiveCore } from '../../src/live.js';
import { createLogger } from '../../src/log.js';
import { folderStore } from '../../src/store/folder.js';
import { openStore } from '../../src/store/open.js';
import { promoteSource } from '../../src/store/promote.js';
import { createOutbox, OUTBOX_FOLDER } from '../../src/store/outbox.js';
import type { KnowledgeStore } from '../../src/store/types.js';
import { pressReleasePage } from '../ingest/pages.js';
import { send, startServer, type FixtureServer } from '../ingest/server.js';
import { DATABASE_URL, dropSchema, schemaName, withClient } from '../store/db.js';
import { startHarness, type Harness } from './harness.js';
import { autocomplete, click, guildCreate, IDS, otherChannel, slash, userMessage, type Where } from './payloads.js';
import { customIds, EPHEMERAL, messageFromCallback, visibleText } from './util.js';

vi.setConfig({ testTimeout: 20_000 });

const A: Where = {};
const B_ID = '1100000000000000777';
const B: Where = { guild: B_ID };
const MODERATOR = { permissions: '32' }; // Manage Server
const WORDS = 'The basin is safe again';
const PAGE_ONE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry timetable</title></head><body><article>
<h1>Night ferry to run every hour</h1><p>ROTTERDAM, 5 June 2023 - The ferry operator announced a new timetable.</p>
<p>“The night ferry will run every hour from Monday,” said Tomas Berg, the ferry operator.</p></article></body></html>`;

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startServer({ '/press/harbour': send('text/html', pressReleasePage()), '/press/ferry': send('text/html', PAGE_ONE) });
});
afterAll(async () => {
  await srv?.close();
});

/** A bot over a store: the live core reading it, /add as start.ts wires it (with the database: pushed at once). */
interface Deployment {
  h: Harness;
  core: LiveCore;
  store: KnowledgeStore;
  close(): Promise<void>;
}

const log = createLogger({ level: 'silent', format: 'json' });

async function deploy(dir: string, store: KnowledgeStore): Promise<Deployment> {
  const { core } = await loadLiveCore(dir, { cacheDir: null, source: store });
  const outbox = store.kind === 'postgres' ? createOutbox({ store, dir: join(dir, OUTBOX_FOLDER), log }) : null;
  const add = moderatorAdd({ knowledgeDir: dir, fetch: { allowPrivate: true }, operatorGuilds: [], outbox });
  const h = await startHarness(core, { add });
  return {
    h,
    core,
    store,
    async close() {
      await h.close();
      await store.close();
    },
  };
}

const text = (call: { body: { data: { content?: string; embeds?: unknown[] } } }) => visibleText(call.body.data);

function quoteIn(d: Deployment, where: Where) {
  return d.h.answer(
    slash(
      'quote',
      [
        { name: 'speaker', value: 'lindqvist' },
        { name: 'topic', value: 'basin' },
      ],
      where,
    ),
  );
}

async function expectAnsweredIn(d: Deployment, where: Where) {
  const quote = await quoteIn(d, where);
  expect(text(quote)).toContain(WORDS);
  const summary = await d.h.answer(slash('summary', [{ name: 'topic', value: 'northern basin repairs' }], where));
  expect(text(summary)).toContain('three weeks of repairs');
  const verify = await d.h.answer(slash('verify', [{ name: 'quote', value: WORDS }], where));
  expect(verify.body.data.content).toMatch(/Verbatim/i);
  const choices = await d.h.answer(autocomplete('quote', [{ name: 'speaker', value: 'lindq', focused: true }], where));
  expect(choices.body.data.choices.map((c: { value: string }) => c.value)).toContain('Maria Lindqvist');
  return quote;
}

async function expectUnknownIn(d: Deployment, where: Where) {
  const quote = await quoteIn(d, where);
  expect(quote.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(text(quote)).not.toContain(WORDS);
  expect(text(quote)).not.toContain('Lindqvist');
  const summary = await d.h.answer(slash('summary', [{ name: 'topic', value: 'northern basin repairs' }], where));
  expect(summary.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(text(summary)).not.toContain('three weeks of repairs');
  const verify = await d.h.answer(
    slash(
      'verify',
      [
        { name: 'quote', value: WORDS },
        { name: 'speaker', value: 'Maria Lindqvist' },
      ],
      where,
    ),
  );
  expect(verify.body.data.content).toMatch(/not found in these sources/i);
  expect(text(verify)).not.toContain('Lindqvist said');
  const choices = await d.h.answer(autocomplete('quote', [{ name: 'speaker', value: 'lindq', focused: true }], where));
  expect(choices.body.data.choices.map((c: { value: string }) => c.value)).not.toContain('Maria Lindqvist');
}

/** Sends /add and resolves with the deferred reply's final text. */
async function addIn(d: Deployment, where: Where, url: string): Promise<string> {
  const p = slash('add', [{ name: 'url', value: url }], { ...where, ...MODERATOR });
  const from = d.h.standin.calls.length;
  const { ack } = await d.h.answer(p);
  expect(ack.body.type).toBe(5);
  const edit = await d.h.next((c) => c.method === 'PATCH' && c.path === `/webhooks/${IDS.app}/${p.token}/messages/@original`, from);
  return edit.body.content as string;
}

/** The whole story, against one kind of store; `reopen` starts the store again as after a restart. */
function story(kind: string, open: (dir: string) => Promise<KnowledgeStore>, expectAddedBy: (dir: string, file: string) => Promise<void>) {
  describe(`with ${kind}`, () => {
    let dir: string;
    let d: Deployment;
    let file: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'verbatim-e2e-scopes-'));
      await cp(fileURLToPath(new URL('../../knowledge', import.meta.url)), dir, { recursive: true });
      d = await deploy(dir, await open(dir));
    }, 30_000);
    afterAll(async () => {
      await d?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('answers a page added in server B in B only: not in server A, in a DM or from a user install', async () => {
      const added = await addIn(d, B, `${srv.origin}/press/harbour`);
      expect(added).toMatch(new RegExp(`^Added added\\\\?/${B_ID}\\\\?/127-0-0-1-harbour-[0-9a-f]{8}\\\\?\\.html`));
      file = /^Added (\S+)/.exec(added)![1]!.replace(/\\/g, '');
      expect(added.replace(/\\/g, '')).toContain(
        `Answered in this server only; the bot’s operator can make it answer everywhere (id ${file.replace(/\.html$/, '')}).`,
      );
      await d.core.reload();
      await expectAnsweredIn(d, B);
      await expectUnknownIn(d, A);
      expect(text(await quoteIn(d, { dm: true }))).not.toContain(WORDS);
      expect(text(await quoteIn(d, { guild: B_ID, userInstall: true }))).not.toContain(WORDS);
    });

    it('records who added it from which server, and shows it in /sources and the Cite reply of B only', async () => {
      await expectAddedBy(dir, file);
      const own = await d.h.answer(slash('sources', [], B));
      const listed = text(own);
      expect(listed).toContain('Harbour reopens to shipping');
      expect(listed).toContain(`this server's own · added by <@${IDS.asker}>`);
      expect(listed).toContain(file.replace(/\.html$/, ''));
      expect(own.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(listed).toMatch(/sources/);
      const other = text(await d.h.answer(slash('sources', [], A)));
      expect(other).not.toContain('Harbour reopens to shipping');
      expect(other).not.toContain("this server's own");

      const quote = await quoteIn(d, B);
      const cite = customIds(quote.body.data).find((id) => id.startsWith('cite:'))!;
      const reply = await d.h.answer(click(cite, messageFromCallback(quote), B));
      expect(reply.body.data.content).toContain(`Added by a moderator of this server (<@${IDS.asker}>)`);
      expect(reply.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    });

    it('answers a mention in B from B’s sources, and one in A without them', async () => {
      const sent = (channel: string) => (c: { method: string; path: string }) => c.method === 'POST' && c.path === `/channels/${channel}/messages`;
      let from = d.h.standin.calls.length;
      d.h.standin.dispatch('MESSAGE_CREATE', userMessage(`<@${IDS.bot}> what did lindqvist say about the basin`, { mentionBot: true }));
      expect(visibleText((await d.h.next(sent(IDS.channel), from)).body)).not.toContain(WORDS);
      // The bot is a member of B: Discord has sent B's GUILD_CREATE (messages of unknown servers are dropped).
      const channel = { ...otherChannel(B_ID), position: 0 };
      d.h.standin.dispatch('GUILD_CREATE', { ...guildCreate(), id: B_ID, roles: [{ ...guildCreate().roles[0], id: B_ID }], channels: [channel] });
      await expect.poll(() => d.h.bot.client.guilds.cache.has(B_ID)).toBe(true);
      from = d.h.standin.calls.length;
      const inB = userMessage(`<@${IDS.bot}> what did lindqvist say about the basin`, { mentionBot: true, guild: B_ID });
      d.h.standin.dispatch('MESSAGE_CREATE', inB);
      expect(visibleText((await d.h.next(sent(inB.channel_id), from)).body)).toContain(WORDS);
    });

    it('keeps it B’s own after a restart, and answers it everywhere once the operator promotes it', async () => {
      await d.close();
      d = await deploy(dir, await open(dir));
      await expectAnsweredIn(d, B);
      await expectUnknownIn(d, A);

      const promoted = await promoteSource(d.store, file.replace(/\.html$/, ''));
      expect(promoted).toEqual({ ok: true, from: file, to: file.replace(`${B_ID}/`, '') });
      await d.core.reload();
      await expectAnsweredIn(d, A);
      await expectAnsweredIn(d, B);
      expect(text(await quoteIn(d, { dm: true }))).toContain(WORDS);
      expect(await promoteSource(d.store, file.replace(`${B_ID}/`, ''))).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/already global/),
      });
    });

    it('stores a page added in two servers once, answered in both, and a third server still does not see it', async () => {
      const inB = await addIn(d, B, `${srv.origin}/press/ferry`);
      const inA = await addIn(d, A, `${srv.origin}/press/ferry`);
      const name = /^(?:Added|Updated) (\S+)/.exec(inB)![1]!.replace(/\\/g, '');
      expect(inA.replace(/\\/g, '')).toContain(`Updated ${name}`);
      expect(inA.replace(/\\/g, '')).toContain('Another server added this page before: it is stored once and now answered here too');
      await d.core.reload();
      const ask = (where: Where) =>
        d.h.answer(
          slash(
            'quote',
            [
              { name: 'speaker', value: 'berg' },
              { name: 'topic', value: 'ferry' },
            ],
            where,
          ),
        );
      expect(text(await ask(A))).toContain('The night ferry will run every hour');
      expect(text(await ask(B))).toContain('The night ferry will run every hour');
      expect(text(await ask({ guild: '1100000000000000888' }))).not.toContain('The night ferry will run every hour');
      const stored = (await d.store.list()).map((f) => f.name).filter((n) => n.includes('ferry') && !n.endsWith('.source.yaml'));
      expect(stored).toEqual([name]);
    });
  });
}

story(
  'the knowledge folder',
  async (dir) => folderStore(dir),
  async (dir, file) => {
    const sidecar = await readFile(join(dir, `${file}.source.yaml`), 'utf8');
    expect(sidecar).toMatch(new RegExp(`server: "${B_ID}"\\n\\s+user: "${IDS.asker}"\\n\\s+at: \\d{4}-`));
  },
);

const schema = schemaName('e2e_scopes');
afterAll(async () => {
  await dropSchema(schema);
});
story(
  'PostgreSQL',
  // After a restart the folder is not read: the database (no longer empty) is the store.
  (dir) => openStore({ database: { url: DATABASE_URL, schema }, knowledgeDir: dir, log }),
  async (_dir, file) => {
    const rows = await withClient(schema, (c) => c.query('SELECT added_by, scopes FROM files WHERE name = $1', [file]));
    expect(rows.rows).toEqual([{ added_by: addedByRecord({ user: IDS.asker, server: B_ID }), scopes: [B_ID] }]);
  },
);
