/**
 * Per-user rate limit: at most `limit` questions per sliding `windowMs`. Spam gets one polite
 * line per window ('warn'), then silence ('silent') until the window frees up.
 */
export type Verdict = 'ok' | 'warn' | 'silent';

export interface Cooldown {
  hit(userId: string): Verdict;
}

export function createCooldown(limit = 5, windowMs = 10_000, now: () => number = Date.now): Cooldown {
  const seen = new Map<string, { times: number[]; warned: boolean }>();
  let lastSweep = now();
  return {
    hit(userId) {
      const t = now();
      if (t - lastSweep > windowMs * 6) {
        // Forget users who went quiet, so the map does not grow for ever.
        for (const [id, s] of seen) if (!s.times.some((x) => t - x < windowMs)) seen.delete(id);
        lastSweep = t;
      }
      const state = seen.get(userId) ?? { times: [], warned: false };
      seen.set(userId, state);
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

export const COOLDOWN_MESSAGE = 'You are asking faster than I can keep up with: please wait a few seconds and try again.';
