/**
 * Rows → what the core parses. A whole file goes through the same parser as a file of the folder;
 * a JSONL collection's records are parsed one row at a time, so a corrupt row (bytes that are not
 * UTF-8, bad JSON, an impossible date) is a problem of that row and never stops the others.
 * Pure: no database code here.
 */
import { parseJsonlRecord } from '../knowledge/jsonl.js';
import { parseKnowledgeBytes, type FileLoad, type FileStat, type Pause } from '../knowledge/load.js';

export interface Row {
  line: number;
  bytes: Uint8Array;
}

const RECORDS_PER_SLICE = 100;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses one stored file from its rows (line 0: a whole file; 1…: the records of a collection). */
export async function parseRows(
  file: FileStat,
  collection: boolean,
  rows: Row[],
  pause?: Pause,
  sidecar?: Record<string, unknown>,
): Promise<FileLoad> {
  if (!collection) return parseKnowledgeBytes(file, rows[0]?.bytes ?? new Uint8Array(), pause, sidecar);
  const out: FileLoad = { ...file, articles: [], problems: [] };
  for (let i = 0; i < rows.length; i++) {
    if (pause && i % RECORDS_PER_SLICE === RECORDS_PER_SLICE - 1) await pause();
    const { line, bytes } = rows[i]!;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      out.problems.push({ file: file.path, line, reason: 'not UTF-8 text (corrupt row?)' });
      continue;
    }
    if (!text.trim()) continue;
    try {
      out.articles.push(parseJsonlRecord(text, file.path, line));
    } catch (err) {
      out.problems.push({ file: file.path, line, reason: (err as Error).message });
    }
  }
  return out;
}

/** Splits a collection's bytes at each \n: the non-empty lines become rows, `lines` puts them back. */
export function splitCollection(bytes: Uint8Array): { lines: number; rows: Row[] } {
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    if (i > start) rows.push({ line, bytes: bytes.subarray(start, i) });
    start = i + 1;
    line++;
  }
  return { lines: line - 1, rows };
}

/** The inverse of splitCollection: the file exactly as it was received. */
export function joinCollection(lines: number, rows: Row[]): Buffer {
  const parts: Uint8Array[] = [];
  const newline = Buffer.from('\n');
  let next = 1;
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    for (; next < row.line; next++) parts.push(newline);
    parts.push(row.bytes);
    if (row.line < lines) parts.push(newline);
    next = row.line + 1;
  }
  for (; next < lines; next++) parts.push(newline);
  return Buffer.concat(parts);
}
