/**
 * The worker thread that extracts HTML pages and PDFs (src/knowledge/extract.ts starts it): what
 * a hostile page can make slow or large happens here, under a time and memory limit, while the
 * main thread keeps answering.
 */
import { parentPort } from 'node:worker_threads';
import type { ExtractJob, ExtractReply } from './extract.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts runs only as a worker thread');

port.on('message', async (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    const page =
      job.kind === 'pdf'
        ? await (await import('./pdf.js')).extractPdf(job.bytes)
        : await import('./html.js').then(({ decodeHtml, extractHtml }) => extractHtml(decodeHtml(job.bytes, job.charset), job.maxDepth));
    reply = { id: job.id, page };
  } catch (err) {
    reply = { id: job.id, error: (err as Error).message || String(err) };
  }
  port.postMessage(reply);
});
