/**
 * Starts the stand-in and the real bot (discord.js logging into the stand-in), with logs
 * captured in memory so tests can check what was (and was not) logged.
 */
import type { Core } from '../../src/answer/types.js';
import { startBot, type BotHandle, type StartOptions } from '../../src/discord/client.js';
import { createCooldowns, type Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/log.js';
import { DiscordStandIn, type Call } from './standin.js';

/** Looks like a bot token (three dot-separated parts) so redaction is tested for real. */
export const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.standin.c2VjcmV0LXRva2VuLWZvci10ZXN0cw';

export interface Harness {
  standin: DiscordStandIn;
  bot: BotHandle;
  logs: string[];
  /** Dispatches INTERACTION_CREATE and resolves with the first callback for it. */
  interact(payload: { id: string; token: string }): Promise<Call>;
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
    async close() {
      await bot.stop();
      await standin.close();
    },
  };
}
