/**
 * Starts the stand-in and the real bot (discord.js logging into the stand-in), with logs
 * captured in memory so tests can check what was (and was not) logged.
 */
import type { Core } from '../../src/answer/types.js';
import { startBot, type BotHandle, type StartOptions } from '../../src/discord/client.js';
import { createCooldowns, type Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { DiscordStandIn, type Call } from './standin.js';
import { EPHEMERAL } from './util.js';

/** Looks like a bot token (three dot-separated parts) so redaction is tested for real. */
export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.standin.c2VjcmV0LXRva2VuLWZvci10ZXN0cw';

export interface Harness {
  standin: DiscordStandIn;
  bot: BotHandle;
  logs: string[];
  /** Dispatches INTERACTION_CREATE and resolves with the first callback for it. */
  interact(payload: { id: string; token: string }): Promise<Call>;
  /**
   * Dispatches INTERACTION_CREATE and resolves with the message the user ends up seeing, shaped
   * like an immediate reply callback (`body.type` 4, or 7 for an edit of the clicked message;
   * `body.data` the message, its flags including the deferral's Ephemeral): the bot acknowledges
   * first (type 5 or 6) and then edits the original response or follows up. `ack` is that
   * acknowledgement. Autocomplete and immediate replies come back as they are.
   */
  answer(payload: { id: string; token: string }): Promise<Call & { ack: Call }>;
  /** Resolves with the first call matching `pred` made after `from`. */
  next(pred: (c: Call) => boolean, from: number): Promise<Call>;
  close(): Promise<void>;
}

export async function startHarness(core: Core, options: { cooldown?: Cooldowns; add?: StartOptions['add'] } = {}): Promise<Harness> {
  const standin = await DiscordStandIn.start();
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', format: 'json', secrets: [TOKEN], destination: { write: (s: string) => void logs.push(s) } });
  const bot = await startBot({
    core,
    config: { discordToken: TOKEN, discordApiBase: standin.apiBase },
    log,
    drainMs: 2000,
    // Tests fire many requests from one user: no limits unless a test brings its own.
    cooldown: options.cooldown ?? createCooldowns({}),
    add: options.add,
  });
  const next = (pred: (c: Call) => boolean, from: number) => standin.waitForCall(pred, from, 8000);
  return {
    standin,
    bot,
    logs,
    next,
    interact(payload) {
      const from = standin.calls.length;
      standin.dispatch('INTERACTION_CREATE', payload);
      return next((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, from);
    },
    async answer(payload) {
      const from = standin.calls.length;
      standin.dispatch('INTERACTION_CREATE', payload);
      const ack = await next((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, from);
      const type = ack.body.type as number;
      if (type !== 5 && type !== 6) return { ...ack, ack };
      const hook = new RegExp(`^/webhooks/\\d+/${payload.token}`);
      const shown = await next(
        (c) =>
          hook.test(c.path) &&
          ((c.method === 'PATCH' && c.path.endsWith('/messages/@original')) || (c.method === 'POST' && !c.path.includes('/messages/'))),
        from,
      );
      const edit = shown.method === 'PATCH';
      // An edit keeps the deferral's visibility; a follow-up carries its own.
      const ephemeral = edit ? (ack.body.data?.flags ?? 0) & EPHEMERAL : 0;
      const data = { ...shown.body, flags: (shown.body.flags ?? 0) | ephemeral };
      return { ...shown, body: { type: edit && type === 6 ? 7 : 4, data }, ack };
    },
    async close() {
      await bot.stop();
      await standin.close();
    },
  };
}
