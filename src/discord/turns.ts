/**
 * Acknowledgements before answers. Answering is synchronous work on the one event loop that also
 * reads the gateway and sends the acknowledgements; in a burst, each answer run while other
 * interactions still wait for theirs pushes those later, past Discord's 3 seconds when the
 * machine is busy (issue 23). So answers take turns: one at a time, each only once no interaction
 * that has arrived is still waiting for its acknowledgement, and each after a turn of the event
 * loop, so that interactions that arrived during the previous answer are read and acknowledged
 * before the next answer starts.
 */

/**
 * How long an interaction holds answers back at most while its acknowledgement is not confirmed.
 * Discord's own window: past it, holding answers back helps nobody, and a REST call stuck in
 * retries (a 429, a slow network) must not stop every answer.
 */
const ACK_HOLD_MS = 3000;

export class Turns {
  /** Interactions received and not yet acknowledged, with the timer that stops them holding answers back. */
  readonly #pending = new Map<string, NodeJS.Timeout>();
  /** Answers waiting for their turn, first come first served. */
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;

  /** An interaction came in: answers wait until it is acknowledged (at most ACK_HOLD_MS). */
  arrived(id: string): void {
    if (this.#pending.has(id)) return;
    const timer = setTimeout(() => this.settled(id), ACK_HOLD_MS);
    timer.unref();
    this.#pending.set(id, timer);
  }

  /** It is acknowledged (or answered, or refused): it no longer holds answers back. Idempotent. */
  settled(id: string): void {
    const timer = this.#pending.get(id);
    if (!timer) return;
    clearTimeout(timer);
    this.#pending.delete(id);
    this.#schedule();
  }

  /**
   * Resolves when it is this caller's turn to answer; `id` (the caller's own interaction, now
   * acknowledged) is settled first. The caller runs its answer as soon as this resolves.
   */
  turn(id?: string): Promise<void> {
    const mine = new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (id) this.settled(id);
    this.#schedule();
    return mine;
  }

  /**
   * One answer per turn of the event loop: setImmediate runs after the loop has read the sockets,
   * so a gateway event that arrived meanwhile is registered (arrived) before the next answer.
   */
  #schedule(): void {
    if (this.#scheduled || !this.#waiting.length || this.#pending.size) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#pending.size) return; // settled() schedules again
      this.#waiting.shift()?.();
      this.#schedule();
    });
  }
}
