/**
 * HTML and PDF extraction, and the parse of a source with an oversized paragraph, off the main
 * thread: one worker thread (extract-worker.ts), started on first use and reused, takes one job at
 * a time under the limits of limits.ts (time, memory, DOM depth). A source over a limit is refused
 * with a reason naming it, and a worker stopped by a limit is replaced for the next job. The main
 * thread only waits, so answers go on meanwhile (a 9 KB page nested 800 deep used to hold it for
 * most of a minute, a 300 KB paragraph packed with quotations 26 s).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extracted.js';
import { LOAD_LIMITS, type LoadLimits } from './limits.js';
import { ParseError } from './parse.js';
import type { Article } from './types.js';

/** A page to extract, or a source to parse (text: parseArticle's arguments; a JSONL record: parseJsonlRecord's). */
export type WorkerTask =
  | { kind: 'html' | 'pdf'; bytes: Uint8Array; charset: string | null }
  | { kind: 'text'; text: string; articleId: string; file: string }
  | { kind: 'jsonl'; record: string; file: string; line: number };

/** A job as posted: the task, with the limits in force (the worker's own copy of limits.ts is not configured). */
export type WorkerJob = WorkerTask & { id: number; limits: LoadLimits };

export type WorkerReply =
  | { id: number; page: Extracted }
  | { id: number; article: Article }
  | { id: number; error: string; line?: number | undefined };

interface Running {
  worker: Worker;
  /** The memory limit it was started with. */
  memoryMb: number;
  /** What its current job does, for an error message. */
  doing: string;
  pending: Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>;
}

/** What the job does, for the messages of a limit: "extracting it took longer than 15 s". */
const doing = (task: WorkerTask) => (task.kind === 'html' || task.kind === 'pdf' ? 'extracting it' : 'parsing it');

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
  const memoryMb = LOAD_LIMITS.workerMemoryMb;
  const worker = new Worker(script, { eval: isEval, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  const state: Running = { worker, memoryMb, pending: new Map(), doing: 'extracting it' };
  const failAll = (err: Error) => {
    for (const p of state.pending.values()) p.reject(err);
    state.pending.clear();
    if (running === state) running = null;
  };
  worker.on('message', (reply: WorkerReply) => {
    const p = state.pending.get(reply.id);
    state.pending.delete(reply.id);
    p?.resolve(reply);
  });
  worker.on('error', (err: Error & { code?: string }) =>
    failAll(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new Error(`${state.doing} needs more than ${memoryMb} MB (the memory limit)`)
        : new Error(`${state.doing} failed: ${err.message}`),
    ),
  );
  worker.on('exit', () => failAll(new Error('extraction stopped')));
  // An idle worker must not keep a finished command alive (it is ref'd while it works).
  worker.unref();
  return state;
}

async function run(task: WorkerTask): Promise<WorkerReply> {
  // A worker started under other limits (a memory limit set since) is replaced.
  if (running && running.memoryMb !== LOAD_LIMITS.workerMemoryMb) {
    void running.worker.terminate();
    running = null;
  }
  running ??= startWorker();
  const state = running;
  state.doing = doing(task);
  const id = nextId++;
  const timeMs = LOAD_LIMITS.workerTimeMs;
  state.worker.ref();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<WorkerReply>((resolve, reject) => {
      state.pending.set(id, { resolve, reject });
      timer = setTimeout(() => {
        state.pending.delete(id);
        reject(new Error(`${doing(task)} took longer than ${timeMs / 1000} s (the time limit)`));
        // The only way to stop code that runs: the next job gets a new worker.
        if (running === state) running = null;
        void state.worker.terminate();
      }, timeMs);
      const job: WorkerJob = { ...task, id, limits: { ...LOAD_LIMITS } };
      state.worker.postMessage(job);
    });
  } finally {
    clearTimeout(timer);
    state.worker.unref();
  }
}

/** Runs one task in the worker after the ones before it (one at a time). */
function enqueue(task: WorkerTask): Promise<WorkerReply> {
  const result = queue.then(() => run(task));
  queue = result.catch(() => undefined); // the caller gets the error through `result`; the queue only orders
  return result;
}

/** Extracts an HTML page (decoded with `charset` or what the page declares) or a PDF in the worker, one page at a time. */
export async function extractPage(kind: 'html' | 'pdf', bytes: Uint8Array, charset: string | null = null): Promise<Extracted> {
  const reply = await enqueue({ kind, bytes, charset });
  if ('page' in reply) return reply.page;
  throw new Error('error' in reply ? reply.error : 'extraction returned no page');
}

/**
 * Parses a text article (as parseArticle) or a JSONL record (as parseJsonlRecord) in the worker;
 * its errors are theirs (a ParseError keeps its line).
 */
export async function parseInWorker(task: Extract<WorkerTask, { kind: 'text' | 'jsonl' }>): Promise<Article> {
  const reply = await enqueue(task);
  if ('article' in reply) return reply.article;
  if ('error' in reply) throw reply.line === undefined ? new Error(reply.error) : new ParseError(reply.error, reply.line);
  throw new Error('parsing returned no article');
}
