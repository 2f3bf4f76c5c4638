/**
 * What `/add` does in a running bot: the source becomes the server's own (or global from an
 * operator's server, VERBATIM_OPERATOR_GUILDS), with the moderator and the server in its
 * provenance; with the database as the store it goes through the outbox (src/store/outbox.ts):
 * "Added" once the database committed it, recorded as added by that user in that server, or
 * "queued" while the database is unreachable.
 */
import type { AddResult, AddInput } from '../ingest/add.js';
import { addAndCommit } from '../ingest/commit.js';
import type { FetchOptions } from '../ingest/fetch.js';
import type { Outbox } from '../store/outbox.js';

export interface AddSetup {
  knowledgeDir: string;
  fetch: Omit<FetchOptions, 'accept'>;
  operatorGuilds: readonly string[];
  /** With the database as the store: where an added source waits until the database has it. */
  outbox: Outbox | null;
}

/** The record of who added a source, kept by the database (`files.added_by`). */
export function addedByRecord(by: { user: string; server: string }): string {
  return `discord:user ${by.user} in server ${by.server}`;
}

export function moderatorAdd(o: AddSetup): (input: AddInput, by: { user: string; server: string }) => Promise<AddResult> {
  return async (input, by) => {
    const global = o.operatorGuilds.includes(by.server);
    return addAndCommit(
      input,
      { knowledgeDir: o.knowledgeDir, fetch: o.fetch, by: { ...by, global } },
      { outbox: o.outbox, addedBy: addedByRecord(by) },
    );
  };
}
