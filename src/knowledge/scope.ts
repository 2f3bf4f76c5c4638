/**
 * Which communities a source is answered in. The knowledge folder, imports and feeds are global;
 * a source added from a server lives under `added/<server id>/` and belongs to that server, and to
 * any other server its provenance records an addition from (the same page added in two servers
 * is stored once). Moving it out of `added/<server id>/` (`npm run knowledge -- promote`) makes
 * it global. Pure: a path and the provenance sidecar in, the article's scope out.
 */

/** One addition of a source from a server: who, where and when (from the provenance sidecar's `added` list). */
export interface Addition {
  server: string;
  user: string;
  /** ISO timestamp. */
  at: string;
}

export const ADDED_FOLDER = 'added';

/** A server id as Discord writes it (a snowflake): digits only, so it can never be `..` or hidden. */
const SERVER_ID = /^\d{1,25}$/;

export function isServerId(id: string): boolean {
  return SERVER_ID.test(id);
}

/** The server whose folder holds `path` (`added/<id>/…`), or null for a global source. */
export function serverOfPath(path: string): string | null {
  const [top, id, ...rest] = path.split('/');
  return top === ADDED_FOLDER && id && rest.length > 0 && isServerId(id) ? id : null;
}

/** The additions a sidecar records; an entry that is not `{ server, user, at }` strings is left out. */
export function additionsOf(sidecar: Record<string, unknown>): Addition[] {
  const list = Array.isArray(sidecar.added) ? (sidecar.added as unknown[]) : [];
  const out: Addition[] = [];
  for (const a of list) {
    if (!a || typeof a !== 'object') continue;
    const { server, user, at } = a as Record<string, unknown>;
    // Ids are strings in the sidecar: a YAML number would have lost a snowflake's last digits.
    if (typeof server === 'string' && isServerId(server) && typeof user === 'string' && isServerId(user) && typeof at === 'string')
      out.push({ server, user, at });
  }
  return out;
}

/**
 * The article fields of a source's scope: `scopes` (the servers it is answered in; absent for a
 * global source) and `additions` (who added it, from which server, when).
 */
export function scopeFields(path: string, sidecar: Record<string, unknown>): { scopes?: string[]; additions?: Addition[] } {
  const additions = additionsOf(sidecar);
  const owner = serverOfPath(path);
  const scopes = owner ? [...new Set([owner, ...additions.map((a) => a.server)])].sort() : null;
  return { ...(scopes ? { scopes } : {}), ...(additions.length ? { additions } : {}) };
}
