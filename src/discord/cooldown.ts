/**
 * Rate limits against spam and raids: per user for questions (slash commands, DMs, mentions), per
 * user for button clicks (a separate, more generous budget: clicking Cite on five excerpts is not
 * spam), and per channel for both (many accounts flooding one channel). Over a limit, a message
 * gets one polite line per window ('warn'), then silence ('silent'); an interaction always gets
 * the private line (Discord needs an answer to every interaction).
 */
import type { Rate } from '../config.js';

export type Verdict = 'ok' | 'warn' | 'silent';

/** One sliding-window limit, keyed by user or channel id. */
export interface Cooldown {
  hit(key: string): Verdict;
}

export function createCooldown(limit = 5, windowMs = 10_000, now: () => number = Date.now): Cooldown {
  const seen = new Map<string, { times: number[]; warned: boolean }>();
  let lastSweep = now();
  return {
    hit(key) {
      const t = now();
      if (t - lastSweep > windowMs * 6) {
        // Forget keys that went quiet, so the map does not grow for ever.
        for (const [id, s] of seen) if (!s.times.some((x) => t - x < windowMs)) seen.delete(id);
        lastSweep = t;
      }
      const state = seen.get(key) ?? { times: [], warned: false };
      seen.set(key, state);
      state.times = state.times.filter((x) => t - x < windowMs);
      if (state.times.length < limit) {
        state.times.push(t);
        state.warned = false;
        return 'ok';
      }
      if (state.warned) return 'silent';
      state.warned = true;
      return 'warn';
    },
  };
}

export type Scope = 'user' | 'channel';

export interface Cooldowns {
  /**
   * Counts one question or click; says whether to answer it and, if not, which limit was hit.
   * In memory it answers at once; shared limits (Redis, src/discord/limits-redis.ts) answer later.
   */
  check(kind: 'question' | 'click', userId: string, channelId: string | null): CheckResult | Promise<CheckResult>;
}

interface CheckResult {
  verdict: Verdict;
  scope: Scope;
}

export interface CooldownRates {
  user?: Rate | null;
  clicks?: Rate | null;
  channel?: Rate | null;
}

const off: Cooldown = { hit: () => 'ok' };
const of = (r: Rate | null | undefined, now: () => number) => (r ? createCooldown(r.limit, r.windowMs, now) : off);

/** Missing rates mean "no limit" (the config supplies the defaults: 5/10 s, 20/10 s, 30/10 s). */
/** In-memory cooldowns answer at once. */
export interface MemoryCooldowns extends Cooldowns {
  check(kind: 'question' | 'click', userId: string, channelId: string | null): CheckResult;
}

export function createCooldowns(rates: CooldownRates, now: () => number = Date.now): MemoryCooldowns {
  const user = of(rates.user, now);
  const clicks = of(rates.clicks, now);
  const channel = of(rates.channel, now);
  return {
    check(kind, userId, channelId) {
      // The user's own limit first: one spammer must not use up the channel's budget.
      const mine = (kind === 'click' ? clicks : user).hit(userId);
      if (mine !== 'ok') return { verdict: mine, scope: 'user' };
      const shared = channelId ? channel.hit(channelId) : 'ok';
      return { verdict: shared, scope: 'channel' };
    },
  };
}

export const COOLDOWN_MESSAGE = 'You are asking faster than I can keep up with: please wait a few seconds and try again.';
export const CHANNEL_COOLDOWN_MESSAGE =
  'This channel is asking faster than I can keep up with: please wait a few seconds and try again (or ask me in a direct message).';

export function cooldownMessage(scope: Scope): string {
  return scope === 'user' ? COOLDOWN_MESSAGE : CHANNEL_COOLDOWN_MESSAGE;
}
