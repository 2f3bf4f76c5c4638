import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * JSON Lines read as a stream of bytes, one line at a time, so a 190 MB collection (or its
 * gzipped 60 MB) is never one string: only the line being parsed is decoded. Lines are split on
 * the bytes (0x0A never occurs inside a UTF-8 sequence) and each is decoded strictly, so bytes
 * that are not UTF-8 are seen exactly as the whole-file decoder saw them.
 */

/** A gzip-compressed collection: `name.jsonl.gz`. */
const isGzipJsonl = (name: string): boolean => name.toLowerCase().endsWith('.jsonl.gz');
export const isJsonl = (name: string): boolean => name.toLowerCase().endsWith('.jsonl') || isGzipJsonl(name);

export interface Line {
  /** 1-based, as an editor counts them. */
  line: number;
  bytes: Buffer;
  /** Set (to the line's length) when it is longer than the limit: its bytes are then not kept. */
  tooLong?: number;
}

/** The file's bytes, decompressed when it is `.jsonl.gz`; a read or gzip error ends the iteration by throwing. */
export function collectionChunks(path: string): AsyncIterable<Buffer> {
  const file = createReadStream(path);
  if (!isGzipJsonl(path)) return file;
  const gunzip = createGunzip();
  // pipe() does not forward the source's errors: a file that vanishes mid-read must end the gunzip too.
  file.on('error', (err) => gunzip.destroy(err));
  return file.pipe(gunzip);
}

/** The same for bytes already in memory (a collection stored in the database). */
export function bytesChunks(name: string, bytes: Uint8Array): AsyncIterable<Buffer> {
  const whole = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  return isGzipJsonl(name) ? whole.pipe(createGunzip()) : whole;
}

/**
 * Splits a byte stream at each \n (the newline is not part of the line); the last line may lack
 * one. A line longer than `maxBytes` is not kept in memory (a 1 MB gzip can hold a 1 GiB line):
 * it comes out empty with its length in `tooLong`.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<Line> {
  // The pieces of a line that runs over several chunks, joined once its end is seen (never re-copied per chunk).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let over = false;
  let line = 1;
  const take = (piece: Buffer): Line => {
    const length = pendingBytes + piece.length;
    const out: Line =
      over || length > maxBytes
        ? { line, bytes: Buffer.alloc(0), tooLong: length }
        : { line, bytes: pending.length ? Buffer.concat([...pending, piece]) : piece };
    line++;
    pending = [];
    pendingBytes = 0;
    over = false;
    return out;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      yield take(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxBytes) {
        over = true;
        pending = [];
      } else pending.push(chunk.subarray(start));
    }
  }
  if (pendingBytes) yield take(Buffer.alloc(0));
}
