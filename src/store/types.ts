/**
 * Where the knowledge is kept: the folder (default) or PostgreSQL (`DATABASE_URL`). Both hand the
 * core the same thing: a file name plus the bytes as received, parsed by src/knowledge/load.ts.
 * Ingest (`npm run add`, `/add`, feeds) writes through `put`; every bot process reads through
 * `stat`/`read`/`loadAll` and follows changes through `watch`.
 */
import type { FileLoad, FileStat, Pause } from '../knowledge/load.js';

/** Where a source came from, kept beside its bytes (the folder keeps only the bytes). */
export interface Provenance {
  /** The page or feed it was fetched from. */
  url?: string | null;
  /** When it was fetched (ISO 8601). */
  retrieved?: string | null;
  /** Who added it, e.g. `discord:<user id>` or `cli:import`. */
  addedBy?: string | null;
}

/** One stored file (a JSONL collection counts as one file: its records are rows in the database). */
export interface StoredFile {
  name: string;
  size: number;
  sha256: string;
  /** Change counter value of the last write to this file (the folder: its modification time). */
  version: number;
  provenance: Provenance;
  /** The servers whose answers include it (docs/scopes.md); null or absent: global. Kept by the database only. */
  scopes?: string[] | null;
}

export interface PutResult {
  name: string;
  sha256: string;
  /** False when the same bytes were already stored under that name (nothing written, no notification). */
  changed: boolean;
  /** The change counter after the write. */
  counter: string;
}

export interface StoreHealth {
  store: 'folder' | 'postgres';
  /** `ok`, or `reconnecting` / `down` with the last error while the database is unreachable. */
  state: 'ok' | 'reconnecting' | 'down';
  detail?: string;
  /** Last change counter seen. */
  counter?: string;
}

/** What the live core and the snapshot read knowledge through. */
export interface KnowledgeSource {
  /** For logs and problems: the folder path, or `postgres <host>/<db> schema <schema>`. */
  readonly label: string;
  /** Identifies this store for the snapshot's file name (one snapshot per folder or database schema). */
  readonly identity: string;
  /** `the knowledge folder` or `the database`, for problems such as "cannot read the database: …". */
  readonly noun: string;
  /** Every file with its size and version (what decides whether it changed). Throws when unreachable. */
  stat(): Promise<FileStat[]>;
  /** One file, parsed; a bad row or file is a problem in the result, never an exception. */
  read(file: FileStat, pause?: Pause): Promise<FileLoad>;
  /**
   * Key of the knowledge as last read by `stat`, or now when `fresh` (the snapshot's key): the
   * folder's file list with sizes and times, the database's change counter.
   */
  snapshotKey(fresh?: boolean): Promise<string>;
  /** Calls `onChange` (debounced) after a change by any process; returns a function that stops. */
  watch(onChange: () => void): () => void;
  health(): StoreHealth;
}

/** A store that can also be written: the interface ingest and the knowledge CLI use. */
export interface KnowledgeStore extends KnowledgeSource {
  readonly kind: 'folder' | 'postgres';
  /** Stores `bytes` under `fileName` (a relative path such as `nato/2023-05.md`), replacing any file of that name. */
  put(bytes: Uint8Array, fileName: string, provenance?: Provenance): Promise<PutResult>;
  /** The stored files, by name. */
  list(): Promise<StoredFile[]>;
  /** The bytes of one file exactly as received (a JSONL collection as one file), or null. */
  get(fileName: string): Promise<Uint8Array | null>;
  /** Removes a file; false when there was none. */
  remove(fileName: string): Promise<boolean>;
  /** The change counter: grows with every put and remove, by any process. */
  counter(): Promise<string>;
  close(): Promise<void>;
}
