import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

export type SourceDocumentInput = {
  areaId: number;
  fileName: string;
  sha256: string;
  byteSize: number;
  content: string;
};

/** The id of the area's document with these exact bytes, if it was imported before. */
export async function findSourceDocumentId(
  trx: Transaction<Database>,
  areaId: number,
  sha256: string,
): Promise<number | undefined> {
  const row = await trx
    .selectFrom('source_document')
    .select('id')
    .where('area_id', '=', areaId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row?.id;
}

export async function insertSourceDocument(trx: Transaction<Database>, input: SourceDocumentInput): Promise<number> {
  const row = await trx
    .insertInto('source_document')
    .values({
      area_id: input.areaId,
      file_name: input.fileName,
      sha256: input.sha256,
      byte_size: input.byteSize,
      content: input.content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What a page says of the document a revision came from. */
export type SourceDocumentInfo = { fileName: string; sha256: string; byteSize: number; importedAt: string };

export async function getSourceDocumentInfo(db: Kysely<Database>, id: number): Promise<SourceDocumentInfo | undefined> {
  const row = await db
    .selectFrom('source_document')
    .select(['file_name', 'sha256', 'byte_size', 'imported_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && { fileName: row.file_name, sha256: row.sha256, byteSize: row.byte_size, importedAt: String(row.imported_at) }
  );
}
