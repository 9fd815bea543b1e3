import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Database } from './database.js';

/** better-auth's timestamp columns (its own tables). */
const AUTH_DATE_COLUMNS = new Set([
  'createdAt',
  'updatedAt',
  'expiresAt',
  'accessTokenExpiresAt',
  'refreshTokenExpiresAt',
  'lockedUntil',
]);

/**
 * Our type parsers read timestamptz as ISO strings (type-parsers.ts); better-auth's Kysely adapter expects the
 * driver to give Date objects on PostgreSQL and compares them (`expiresAt < new Date()`), which with a string
 * is always false: sessions would never expire. This plugin turns its timestamp columns back into Dates.
 */
class AuthDatesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows.map((row) => {
      let copy: UnknownRow | undefined;
      for (const [column, value] of Object.entries(row)) {
        if (AUTH_DATE_COLUMNS.has(column) && typeof value === 'string') {
          copy ??= { ...row };
          copy[column] = new Date(value);
        }
      }
      return copy ?? row;
    });
    return { ...args.result, rows };
  }
}

/** The same database, as better-auth must see it (Dates for its timestamps). */
export function toAuthDatabase(db: Kysely<Database>): Kysely<Database> {
  return db.withPlugin(new AuthDatesPlugin());
}
