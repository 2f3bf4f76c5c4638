/**
 * Acknowledgements before answers. Answering is synchronous work on the one event loop that also
 * reads the gateway and sends the acknowledgements; in a burst, each answer run while other
 * interactions still wait for theirs pushes those later, past Discord's 3 seconds when the
 * machine is busy (issue 23). So answers take turns: one at a time, each only once no interaction
 * that has arrived is still waiting for its acknowledgement (or once it has waited ANSWER_WAIT_MS),
 * and each after a turn of the event loop, so that interactions that arrived during the previous
 * answer are read and acknowledged before the next answer starts.
 */

/**
 * How long an interaction holds answers back at most while its acknowledgement is not confirmed.
 * Discord's own window: past it, holding answers back helps nobody, and a REST call stuck in
 * retries (a 429, a slow network) must not stop every answer.
 */
const ACK_HOLD_MS = 3000;

/**
 * How long an answer waits at most for acknowledgements to be confirmed. Under steady traffic some
 * acknowledgement may always be in flight (each waits a network round trip for Discord's reply):
 * without this bound, answers would starve. Its only cost is the answer's latency, and the user
 * already sees Discord's "thinking…" (the follow-up may come up to 15 minutes later); so it is
 * long enough for a burst's acknowledgements on a busy machine (200 with two CPU hogs beside
 * bench/load.ts: confirmed within about 1.4 s, more when other work loads the machine too), and
 * short of Discord's 3 s. Past it, answers and acknowledgements take turns (one answer per turn of
 * the event loop), so the acknowledgements left still go out between answers.
 */
const ANSWER_WAIT_MS = 2000;

export class Turns {
  /** Interactions received and not yet acknowledged, with the timer that stops them holding answers back. */
  readonly #pending = new Map<string, NodeJS.Timeout>();
  /** Answers waiting for their turn, first come first served, with when each began to wait. */
  readonly #waiting: { go: () => void; since: number }[] = [];
  #scheduled = false;
  /** Wakes the queue when its oldest answer has waited ANSWER_WAIT_MS. */
  #deadline: NodeJS.Timeout | undefined;

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
    const mine = new Promise<void>((go) => this.#waiting.push({ go, since: performance.now() }));
    if (id) this.settled(id);
    this.#schedule();
    return mine;
  }

  /**
   * One answer per turn of the event loop: setImmediate runs after the loop has read the sockets,
   * so a gateway event that arrived meanwhile is registered (arrived) before the next answer.
   */
  #schedule(): void {
    if (this.#scheduled || !this.#waiting.length) return;
    if (this.#pending.size && !this.#overdue()) {
      this.#wakeAtDeadline();
      return;
    }
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      // settled() or the deadline schedules again.
      if (this.#pending.size && !this.#overdue()) return this.#wakeAtDeadline();
      this.#waiting.shift()?.go();
      this.#schedule();
    });
  }

  /** The oldest answer has waited long enough: it goes, acknowledgements pending or not. */
  #overdue(): boolean {
    const oldest = this.#waiting[0];
    return oldest !== undefined && performance.now() - oldest.since >= ANSWER_WAIT_MS;
  }

  #wakeAtDeadline(): void {
    const oldest = this.#waiting[0];
    if (!oldest || this.#deadline) return;
    this.#deadline = setTimeout(
      () => {
        this.#deadline = undefined;
        this.#schedule();
      },
      Math.max(0, ANSWER_WAIT_MS - (performance.now() - oldest.since)),
    );
    this.#deadline.unref();
  }
}
