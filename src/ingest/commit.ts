/**
 * With the database as the store, an added source counts as added only once the database has
 * committed it: `addSource` checks and saves it in this machine's folder, then its file and
 * provenance sidecar go through the durable outbox (src/store/outbox.ts). While the database is
 * unreachable the result says it is queued, and the outbox writes it when the database returns.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SIDECAR_SUFFIX } from '../knowledge/load.js';
import type { Outbox } from '../store/outbox.js';
import { addSource, type AddInput, type AddOptions, type AddResult } from './add.js';

/** `addSource`, then (with an outbox: the database is the store) the database's commit or the queue. */
export async function addAndCommit(input: AddInput, options: AddOptions, to: { outbox: Outbox | null; addedBy: string }): Promise<AddResult> {
  const result = await addSource(input, options);
  return to.outbox ? commitAdded(result, { knowledgeDir: options.knowledgeDir, outbox: to.outbox, addedBy: to.addedBy }) : result;
}

/** Hands an added source to the store through the outbox; a refusal stays a refusal. */
async function commitAdded(result: AddResult, o: { knowledgeDir: string; outbox: Outbox; addedBy: string }): Promise<AddResult> {
  if (!result.ok) return result;
  // The sidecar first, as import does: a reader never sees the source without its provenance (a given date).
  const names = [`${result.file}${SIDECAR_SUFFIX}`, result.file];
  try {
    const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(o.knowledgeDir, name)) })));
    const done = await o.outbox.put(files, { url: result.source.url, retrieved: new Date().toISOString(), addedBy: o.addedBy });
    return done.status === 'queued' ? { ...result, queued: done.reason } : result;
  } catch (err) {
    return { ok: false, input: result.input, reason: `not stored in the database: ${(err as Error).message}` };
  }
}
