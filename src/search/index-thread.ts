/**
 * A first start's index, built on a second thread (index-worker.ts) while this one builds the
 * speaker directory and encodes the knowledge file: the passages' texts are not copied, the
 * worker reads them from the file's text section (kb-file.ts encodeTexts) in shared memory.
 * Any failure of the worker returns null, and the caller builds the index here: the index is the
 * same either way.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndexData } from './index-builder.js';
import type { KbTexts } from './kb-file.js';
import type { Passage } from './passages.js';

/** Below this many passages the index is built on the main thread: starting a worker costs more than it saves. */
export const INDEX_THREAD_PASSAGES = 20_000;
/** Knowledge of this many bytes or more starts the worker before it is parsed (the speeches hold about 350 bytes a passage). */
export const INDEX_THREAD_BYTES = 8 * 1024 * 1024;

/**
 * The share of the passages (the first ones) indexed on the main thread, after the speaker
 * directory: at 580k passages the worker's part and the directory plus this part took about
 * as long (the directory is about a third of the index's time).
 */
export const INDEX_HERE_SHARE = 0.3;

/** What the worker gets: the text section and each passage's article, paragraph and character range. */
export interface IndexJob extends Omit<KbTexts, 'text'> {
  text: Uint8Array;
  article: Uint32Array;
  paragraph: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
}

/** Built, the worker is the .js beside this file; from source (tsx, vitest) the .ts file, under tsx's loader (as knowledge/extract.ts does). */
function workerScript(): { script: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./index-worker.js', import.meta.url), eval: false };
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const file = new URL('./index-worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(file)}); });`, eval: true };
}

/** A worker started ahead (it loads its code while the knowledge is parsed), to index passages once. */
export interface IndexThread {
  /** The index of `passages` (cut from the articles `texts` holds), or null when the worker failed. */
  index(texts: KbTexts, passages: readonly Passage[]): Promise<IndexData | null>;
  /** Stops the worker (when it was not needed, or is no longer). */
  stop(): void;
}

export function startIndexThread(): IndexThread {
  let worker: Worker | null = null;
  let failed = false;
  let settle: ((data: IndexData | null) => void) | null = null;
  const end = (data: IndexData | null) => {
    failed ||= data === null;
    settle?.(data);
    settle = null;
    if (worker) void worker.terminate();
  };
  try {
    const { script, eval: isEval } = workerScript();
    worker = new Worker(script, { eval: isEval });
    worker.once('message', (data: IndexData) => end(data));
    worker.once('error', () => end(null));
    worker.once('exit', () => end(null));
    // Idle until given passages: it must not keep a process alive that no longer needs it.
    worker.unref();
  } catch {
    failed = true;
  }
  return {
    index(texts, passages) {
      if (failed || !worker || settle) return Promise.resolve(null);
      const job = jobOf(texts, passages);
      const w = worker;
      return new Promise((resolve) => {
        settle = resolve;
        w.ref();
        // The typed arrays of passages are the worker's now; the text section is shared, not copied.
        w.postMessage(job, [job.article.buffer, job.paragraph.buffer, job.start.buffer, job.end.buffer] as ArrayBuffer[]);
      });
    },
    stop: () => end(null),
  };
}

/** The index of `passages` on a worker started for it, or null when the worker failed. */
export function indexInWorker(texts: KbTexts, passages: readonly Passage[]): Promise<IndexData | null> {
  return startIndexThread().index(texts, passages);
}

function jobOf(texts: KbTexts, passages: readonly Passage[]): IndexJob {
  const n = passages.length;
  const job: IndexJob = {
    text: texts.text,
    paraText: texts.paraText,
    utf16: texts.utf16,
    articleParas: texts.articleParas,
    article: new Uint32Array(n),
    paragraph: new Uint32Array(n),
    start: new Uint32Array(n),
    end: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const p = passages[i]!;
    job.article[i] = p.article;
    job.paragraph[i] = p.paragraph;
    job.start[i] = p.start;
    job.end[i] = p.end;
  }
  return job;
}
