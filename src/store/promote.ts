/**
 * `npm run knowledge -- promote ID`: a server's own source (under `added/<server id>/`, answered
 * in that server only) becomes global, answered in every server. It is moved with its provenance
 * to `added/`, where the knowledge folder and the database alike read a source as global
 * (knowledge/scope.ts); the record of who added it from which server stays in the provenance.
 */
import { SIDECAR_SUFFIX } from '../knowledge/load.js';
import { ADDED_FOLDER, serverOfPath } from '../knowledge/scope.js';
import type { KnowledgeStore } from './types.js';

export type PromoteResult = { ok: true; from: string; to: string } | { ok: false; reason: string };

/** `id` is the source id /sources shows (`added/<server>/<name>`) or its file name. */
export async function promoteSource(store: KnowledgeStore, id: string, addedBy = 'cli:promote'): Promise<PromoteResult> {
  const names = (await store.list()).map((f) => f.name).filter((n) => !n.endsWith(SIDECAR_SUFFIX));
  const from = names.find((n) => n === id) ?? names.find((n) => n.replace(/\.[^./]+$/, '') === id);
  if (!from) return { ok: false, reason: `no stored source is named ${id} (the id /sources shows, e.g. added/<server id>/<name>)` };
  const server = serverOfPath(from);
  if (!server) return { ok: false, reason: `${from} is already global (answered in every server)` };
  const to = `${ADDED_FOLDER}/${from.slice(`${ADDED_FOLDER}/${server}/`.length)}`;
  if (names.includes(to)) return { ok: false, reason: `a global source is already named ${to}: remove it first, or keep ${from} in its server` };
  const bytes = await store.get(from);
  if (!bytes) return { ok: false, reason: `${from} was removed meanwhile` };
  const sidecar = await store.get(`${from}${SIDECAR_SUFFIX}`);
  // Provenance first: a reload between the two writes never sees the global copy without it.
  if (sidecar) await store.put(sidecar, `${to}${SIDECAR_SUFFIX}`, { addedBy });
  await store.put(bytes, to, { addedBy });
  await store.remove(from);
  if (sidecar) await store.remove(`${from}${SIDECAR_SUFFIX}`);
  return { ok: true, from, to };
}
