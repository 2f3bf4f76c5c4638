/** A private schema per test file on the shared test database, dropped afterwards. */
import pg from 'pg';
import { connectionConfig } from '../../src/store/postgres.js';
import { DATABASE_URL } from '../services.js';

export { DATABASE_URL };

export function schemaName(file: string): string {
  return `vt_${file.replace(/\W/g, '_').toLowerCase()}_${process.pid}_${Date.now() % 100000}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client(connectionConfig(DATABASE_URL));
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A one-off connection whose search_path is the test's schema (to break rows on purpose). */
export async function withClient<T>(schema: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connectionConfig(DATABASE_URL), options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
