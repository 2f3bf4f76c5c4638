/**
 * HTML and PDF extraction off the main thread: one worker thread (extract-worker.ts), started on
 * first use and reused, takes one page at a time under three limits. A page over a limit is
 * refused with a reason naming it, and a worker stopped by a limit is replaced for the next page.
 * The main thread only waits, so answers go on meanwhile (a 9 KB page nested 800 deep used to hold
 * it for most of a minute).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extracted.js';

/** The limits, chosen far above what a real article needs (tens of ms, tens of MB, depth < 100). */
export const EXTRACT_LIMITS = {
  /** Wall time for one page. */
  timeMs: 15_000,
  /** The worker's heap (`resourceLimits.maxOldGenerationSizeMb`): a page that needs more is refused. */
  memoryMb: 512,
  /** Element nesting: Readability's time grows far faster than the depth. */
  depth: 256,
};

export interface ExtractJob {
  id: number;
  kind: 'html' | 'pdf';
  bytes: Uint8Array;
  charset: string | null;
  maxDepth: number;
}

export type ExtractReply = { id: number; page: Extracted } | { id: number; error: string };

interface Running {
  worker: Worker;
  pending: Map<number, { resolve: (p: Extracted) => void; reject: (e: Error) => void }>;
}

let running: Running | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

/**
 * Built, the worker is the .js beside this file. From source (tsx, vitest) it is the .ts file.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./extract-worker.js', import.meta.url), eval: false };
  // A worker inherits no loader hooks (Node 20): it registers tsx's (the ESM build of tsx/esm/api,
  // which require.resolve cannot pick by condition) before importing the .ts worker.
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const file = new URL('./extract-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(file)}); });`, eval: true };
}

function startWorker(): Running {
  const { script, eval: isEval } = workerScript();
  const worker = new Worker(script, { eval: isEval, resourceLimits: { maxOldGenerationSizeMb: EXTRACT_LIMITS.memoryMb } });
  const state: Running = { worker, pending: new Map() };
  const failAll = (err: Error) => {
    for (const p of state.pending.values()) p.reject(err);
    state.pending.clear();
    if (running === state) running = null;
  };
  worker.on('message', (reply: ExtractReply) => {
    const p = state.pending.get(reply.id);
    state.pending.delete(reply.id);
    if ('page' in reply) p?.resolve(reply.page);
    else p?.reject(new Error(reply.error));
  });
  worker.on('error', (err: Error & { code?: string }) =>
    failAll(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(`extracting it needs more than ${EXTRACT_LIMITS.memoryMb} MB (the memory limit)`)
        : new Error(`extraction failed: ${err.message}`),
    ),
  );
  worker.on('exit', () => failAll(new Error('extraction stopped')));
  // An idle worker must not keep a finished command alive (it is ref'd while it works).
  worker.unref();
  return state;
}

async function run(kind: 'html' | 'pdf', bytes: Uint8Array, charset: string | null): Promise<Extracted> {
  running ??= startWorker();
  const state = running;
  const id = nextId++;
  state.worker.ref();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Extracted>((resolve, reject) => {
      state.pending.set(id, { resolve, reject });
      timer = setTimeout(() => {
        state.pending.delete(id);
        reject(new Error(`extracting it took longer than ${EXTRACT_LIMITS.timeMs / 1000} s (the time limit)`));
        // The only way to stop code that runs: the next page gets a new worker.
        if (running === state) running = null;
        void state.worker.terminate();
      }, EXTRACT_LIMITS.timeMs);
      const job: ExtractJob = { id, kind, bytes, charset, maxDepth: EXTRACT_LIMITS.depth };
      state.worker.postMessage(job);
    });
  } finally {
    clearTimeout(timer);
    state.worker.unref();
  }
}

/** Extracts an HTML page (decoded with `charset` or what the page declares) or a PDF in the worker, one page at a time. */
export function extractPage(kind: 'html' | 'pdf', bytes: Uint8Array, charset: string | null = null): Promise<Extracted> {
  const result = queue.then(() => run(kind, bytes, charset));
  queue = result.catch(() => undefined); // the caller gets the error through `result`; the queue only orders
  return result;
}
