/**
 * The worker thread that extracts HTML pages and PDFs and parses sources with an oversized
 * paragraph (src/knowledge/extract.ts starts it): what a hostile source can make slow or large
 * happens here, under a time and memory limit, while the main thread keeps answering.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './extract.js';
import { setLoadLimits } from './limits.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread');

async function work(job: WorkerJob): Promise<WorkerReply> {
  switch (job.kind) {
    case 'pdf':
      return { id: job.id, page: await (await import('./pdf.js')).extractPdf(job.bytes) };
    case 'html': {
      const { decodeHtml, extractHtml } = await import('./html.js');
      return { id: job.id, page: extractHtml(decodeHtml(job.bytes, job.charset), job.limits.domDepth) };
    }
    case 'text':
      return { id: job.id, article: (await import('./parse.js')).parseArticle(job.text, job.articleId, job.file) };
    case 'jsonl':
      return { id: job.id, article: (await import('./jsonl.js')).parseJsonlRecord(job.record, job.file, job.line) };
  }
}

port.on('message', async (job: WorkerJob) => {
  // The main thread's limits (set from the environment there), e.g. the paragraph limit of a parse.
  setLoadLimits(job.limits);
  let reply: WorkerReply;
  try {
    reply = await work(job);
  } catch (err) {
    const line = (err as { line?: unknown }).line;
    reply = { id: job.id, error: (err as Error).message || String(err), ...(typeof line === 'number' ? { line } : {}) };
  }
  port.postMessage(reply);
});
