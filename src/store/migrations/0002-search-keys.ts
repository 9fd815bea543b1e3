import { type Kysely, sql } from 'kysely';

/**
 * Search keys kept with the rows (issue 4, national scale). Searching every area's projects computed the key of
 * each row at query time (NFKC, lower case, ヶ/ヵ → ケ, no spaces: domain/search-key.ts), which cost
 * 250–330 ms over 11,500 current projects (docs/national-scale.md). A stored generated column computes it once,
 * on insert, in the database: rows saved by any code path get it, and nothing else changes.
 *
 * `content` is a jsonb array of strings; its text form (`["…", "…"]`) is used as is: the quotes and commas
 * between items keep a word from matching across two items. Only immutable functions may be used here.
 */
const searchKey = (text: string) =>
  sql.raw(`translate(regexp_replace(lower(normalize(${text}, NFKC)), '\\s+', '', 'g'), 'ヶヵ', 'ケケ')`);

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('project_version')
    .addColumn('search_key', 'text', (c) =>
      c
        .notNull()
        .generatedAlwaysAs(
          searchKey(
            `name || ' ' || coalesce(name_in_matrix, '') || ' ' || content::text || ' ' || coalesce(effect, '')`,
          ),
        )
        .stored(),
    )
    .execute();
  await db.schema
    .alterTable('kpi')
    .addColumn('search_key', 'text', (c) =>
      c.notNull().generatedAlwaysAs(searchKey(`indicator || ' ' || coalesce(note, '')`)).stored(),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('kpi').dropColumn('search_key').execute();
  await db.schema.alterTable('project_version').dropColumn('search_key').execute();
}
