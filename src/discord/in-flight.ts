/** Tracks replies in flight so a shutdown can stop taking work and still finish them. */
export class InFlight {
  stopping = false;
  readonly #inflight = new Set<Promise<unknown>>();

  /** Registers a running task; never rejects (handlers have their own error boundary). */
  run(task: Promise<unknown>): void {
    const tracked = task.catch(() => undefined).finally(() => this.#inflight.delete(tracked));
    this.#inflight.add(tracked);
  }

  get size(): number {
    return this.#inflight.size;
  }

  /** Waits for the tasks in flight, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.#inflight]), timeout]);
    clearTimeout(timer);
  }
}
