/**
 * What `/add` does in a running bot: the source becomes the server's own (or global from an
 * operator's server, VERBATIM_OPERATOR_GUILDS), with the moderator and the server in its
 * provenance; with the database as the store it is written there at once, recorded as added by
 * that user in that server (the reload that follows finds nothing left to push).
 */
import { addSource, type AddResult, type AddInput } from '../ingest/add.js';
import type { FetchOptions } from '../ingest/fetch.js';
import type { Logger } from '../log.js';
import type { FolderPusher } from '../store/push.js';

export interface AddSetup {
  knowledgeDir: string;
  fetch: Omit<FetchOptions, 'accept'>;
  operatorGuilds: readonly string[];
  /** With the database as the store: writes the folder's new files to it. */
  pusher: FolderPusher | null;
  log: Logger;
}

/** The record of who added a source, kept by the database (`files.added_by`). */
export function addedByRecord(by: { user: string; server: string }): string {
  return `discord:user ${by.user} in server ${by.server}`;
}

export function moderatorAdd(o: AddSetup): (input: AddInput, by: { user: string; server: string }) => Promise<AddResult> {
  return async (input, by) => {
    const global = o.operatorGuilds.includes(by.server);
    const result = await addSource(input, { knowledgeDir: o.knowledgeDir, fetch: o.fetch, by: { ...by, global } });
    if (result.ok && o.pusher) {
      const pushed = await o.pusher.push(addedByRecord(by));
      if (pushed.failed.length) o.log.warn({ failed: pushed.failed, file: result.file }, 'added source not yet written to the database');
    }
    return result;
  };
}
