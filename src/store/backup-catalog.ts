import { type Kysely, sql } from 'kysely';

/**
 * What a backup copies, found in pg_catalog at run time rather than listed in code: every table and sequence of
 * the application's schemas (all schemas but PostgreSQL's own and those of extensions). Migrations added later
 * (by anyone) are therefore backed up without touching this file. Works the same on PGlite and PostgreSQL.
 */

export type CatalogColumn = {
  name: string;
  /** format_type() of the column: valid SQL type syntax, e.g. `timestamp with time zone`, `numeric(10,2)` */
  type: string;
  /** 'always' needs OVERRIDING SYSTEM VALUE on insert */
  identity: 'always' | 'by default' | null;
};

export type CatalogTable = {
  schema: string;
  name: string;
  /** stored columns in attnum order; generated columns are left out (the database computes them again) */
  columns: CatalogColumn[];
  /** primary key columns, in key order (empty when the table has none): rows are read in this order */
  primaryKey: string[];
  /** tables this one references through foreign keys checked at once (qualified names, itself excluded) */
  references: string[];
  /** the table has user triggers (an append-only guard, say); they are switched off while it is reloaded */
  hasUserTriggers: boolean;
};

export type CatalogSequence = { schema: string; name: string };

export type Catalog = { tables: CatalogTable[]; sequences: CatalogSequence[] };

// biome-ignore lint/suspicious/noExplicitAny: the catalog is read whatever the application's tables are
type AnyDb = Kysely<any>;

/** `"schema"."name"`, for messages and keys. */
export function qualifiedName(item: { schema: string; name: string }): string {
  return `${quoteIdentifier(item.schema)}.${quoteIdentifier(item.name)}`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `c` (pg_class) belongs to the application: not PostgreSQL's own, not an extension's. */
const isAppRelation = sql`n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
    and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')`;

/** Every application table (plain or partitioned parent) and sequence, in a stable order. */
export async function readCatalog(db: AnyDb): Promise<Catalog> {
  const tables = await sql<{ schema: string; name: string; has_user_triggers: boolean }>`
    select n.nspname as schema, c.relname as name,
      exists (select 1 from pg_trigger t where t.tgrelid = c.oid and not t.tgisinternal) as has_user_triggers
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where ${isAppRelation} and c.relkind in ('r', 'p') and not c.relispartition
    order by n.nspname, c.relname`.execute(db);
  const columns = await sql<{
    schema: string;
    table: string;
    name: string;
    type: string;
    identity: string;
    generated: string;
  }>`
    select n.nspname as schema, c.relname as table, a.attname as name,
      format_type(a.atttypid, a.atttypmod) as type, a.attidentity::text as identity, a.attgenerated::text as generated
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where ${isAppRelation} and c.relkind in ('r', 'p')
    order by n.nspname, c.relname, a.attnum`.execute(db);
  const primaryKeys = await sql<{ schema: string; table: string; name: string }>`
    select n.nspname as schema, c.relname as table, a.attname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_index i on i.indrelid = c.oid and i.indisprimary
    join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
    where ${isAppRelation} and c.relkind in ('r', 'p')
    order by n.nspname, c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const foreignKeys = await sql<{ schema: string; table: string; parent_schema: string; parent: string }>`
    select n.nspname as schema, c.relname as table, pn.nspname as parent_schema, p.relname as parent
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_constraint k on k.conrelid = c.oid and k.contype = 'f'
      -- a deferred key is checked at commit: it does not order the load (and may close a cycle, area ⇄ revision)
      and not (k.condeferrable and k.condeferred)
    join pg_class p on p.oid = k.confrelid
    join pg_namespace pn on pn.oid = p.relnamespace
    where ${isAppRelation}
    order by 1, 2, 3, 4`.execute(db);
  const sequences = await sql<CatalogSequence>`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where ${isAppRelation} and c.relkind = 'S'
    order by n.nspname, c.relname`.execute(db);

  const key = (schema: string, name: string) => qualifiedName({ schema, name });
  return {
    tables: tables.rows.map((t) => {
      const own = (r: { schema: string; table: string }) => r.schema === t.schema && r.table === t.name;
      return {
        schema: t.schema,
        name: t.name,
        columns: columns.rows
          .filter((c) => own(c) && c.generated === '')
          .map((c) => ({ name: c.name, type: c.type, identity: identityKind(c.identity) })),
        primaryKey: primaryKeys.rows.filter(own).map((c) => c.name),
        references: [
          ...new Set(
            foreignKeys.rows
              .filter(own)
              .map((f) => key(f.parent_schema, f.parent))
              .filter((parent) => parent !== key(t.schema, t.name)),
          ),
        ],
        hasUserTriggers: t.has_user_triggers,
      };
    }),
    sequences: sequences.rows.map((s) => ({ schema: s.schema, name: s.name })),
  };
}

function identityKind(code: string): CatalogColumn['identity'] {
  if (code === 'a') return 'always';
  if (code === 'd') return 'by default';
  return null;
}

/**
 * Tables ordered so that every table comes after the tables it references (parents first), by name otherwise.
 * Tables in a reference cycle keep their name order after the others; loading them relies on the cycle's
 * constraints being deferrable (none of Renkei's are cyclic).
 */
export function orderByReferences<T extends { schema: string; name: string; references: string[] }>(tables: T[]): T[] {
  const byKey = new Map(tables.map((t) => [qualifiedName(t), t]));
  const done = new Set<string>();
  const ordered: T[] = [];
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const [key, table] of byKey) {
      if (done.has(key)) continue;
      if (table.references.every((parent) => done.has(parent) || !byKey.has(parent))) {
        done.add(key);
        ordered.push(table);
        progressed = true;
      }
    }
  }
  for (const [key, table] of byKey) if (!done.has(key)) ordered.push(table);
  return ordered;
}
