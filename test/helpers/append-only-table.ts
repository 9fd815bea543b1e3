import { type Kysely, sql } from 'kysely';

/**
 * A table of the kind issue 7 adds (an audit log), created by a test rather than a migration: an identity
 * column, a foreign key, the awkward types (bigint past 2^53, exact numeric, jsonb, timestamptz, date, an array,
 * text with Japanese and control characters), and a trigger that refuses UPDATE and DELETE. Backup and restore
 * are generic over the schema, so they must carry it without knowing its name.
 */
// biome-ignore lint/suspicious/noExplicitAny: the table is not in the application's types
export async function createAppendOnlyTable(db: Kysely<any>): Promise<void> {
  await sql`create table ops_ledger (
    id bigint generated always as identity primary key,
    area_id integer references area (id),
    big bigint, amount numeric(30, 8), payload jsonb, note text, at timestamptz, day date, flag boolean, tags text[]
  )`.execute(db);
  await sql`create function ops_ledger_refuse() returns trigger language plpgsql as $$
    begin raise exception 'ops_ledger is append-only (% refused)', tg_op; end $$`.execute(db);
  await sql`create trigger ops_ledger_append_only before update or delete on ops_ledger
    for each row execute function ops_ledger_refuse()`.execute(db);
}

/** Rows that a lossy backup would change: each value at the edge of its type. */
// biome-ignore lint/suspicious/noExplicitAny: see createAppendOnlyTable
export async function fillAppendOnlyTable(db: Kysely<any>, areaId: number | null): Promise<void> {
  await sql`insert into ops_ledger (area_id, big, amount, payload, note, at, day, flag, tags) values
    (${areaId}, 9007199254740993, 12345678901234567890.12345678, '{"b": 1, "a": [1, 2.50, {"x": "青森"}], "z": null}',
     ${'外ヶ浜町\t「引用」 "quote" \\ back\nnew line ～①㈱ 🍎'}, '2022-03-01 09:00:00.123456+09', '2022-03-31', true,
     '{a,"b c",NULL}'),
    (null, -9223372036854775808, -0.00000001, '[]', '', '-infinity', '0001-01-01 BC', false, '{}'),
    (null, null, null, null, null, null, null, null, null)`.execute(db);
  // a gap in the identity sequence: a restore must keep the sequence where it was, not at max(id)
  await sql`select nextval(pg_get_serial_sequence('ops_ledger', 'id'))`.execute(db);
}
