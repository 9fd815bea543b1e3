import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** The installation's secret (signs session cookies and form tokens), made once by migration 0003. */
export async function readInstallationSecret(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('installation_secret').select('secret').executeTakeFirstOrThrow();
  return row.secret;
}
