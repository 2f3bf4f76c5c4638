/**
 * The worker thread that builds a first start's index (search/index-thread.ts starts it) from the
 * knowledge file's text section, shared with the main thread, which meanwhile builds the speaker
 * directory and the rest of the file. ASCII paragraphs are read as the bytes they are; any other
 * is decoded once into the string the parser made. The index is that of SearchIndex.build over
 * the same passages.
 */
import { parentPort } from 'node:worker_threads';
import { IndexBuilder } from './index-builder.js';
import type { IndexJob } from './index-thread.js';

const port = parentPort;
if (!port) throw new Error('index-worker.ts runs only as a worker thread');

port.once('message', (job: IndexJob) => {
  const { text, paraText, utf16, articleParas, article, paragraph, start, end } = job;
  const builder = new IndexBuilder();
  let last = -1;
  let ascii = false;
  let base = 0;
  let decoded = '';
  for (let i = 0; i < article.length; i++) {
    const p = articleParas[article[i]!]! + paragraph[i]!;
    if (p !== last) {
      last = p;
      base = paraText[p]!;
      const to = paraText[p + 1]!;
      ascii = utf16[p] === 0 && allAscii(text, base, to);
      decoded = ascii ? '' : Buffer.from(text.buffer, text.byteOffset + base, to - base).toString(utf16[p] ? 'utf16le' : 'utf8');
    }
    if (ascii) builder.addAscii(text, base + start[i]!, base + end[i]!);
    else builder.add(decoded.slice(start[i]!, end[i]!));
  }
  const data = builder.finish();
  port.postMessage(data, [data.offsets.buffer, data.docs.buffer, data.tfs.buffer, data.docLength.buffer] as ArrayBuffer[]);
});

/** Whether bytes `[from, to)` are all ASCII (then its characters are its bytes, offsets alike). */
function allAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}
