import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import { type Disappearances, diffRevisions, hasDisappearances, listDisappearances } from '../domain/revision-diff.js';
import type { Finding } from '../domain/vision.js';
import type { Database } from '../store/database.js';
import { readKeyedProjects } from '../store/read-revision.js';

/** CONFLICT: the revision takes projects, budget cells or sheets away and nobody confirmed it. */
export class RemovalsRefusedError extends AppError {
  readonly disappearances: Disappearances;

  constructor(disappearances: Disappearances) {
    const lines = describeDisappearances(disappearances);
    super('CONFLICT', `The revision removes ${lines.length} item(s) of the public data`, {
      userMessage: `この版を公開すると、いまの公開データから次の内容が消えます。確認のうえ公開する場合は、消えることを承知した指定（画面では確認の欄、renkei import では --allow-removals）をしてください。\n${lines.map((l) => `- ${l}`).join('\n')}`,
    });
    this.name = 'RemovalsRefusedError';
    this.disappearances = disappearances;
  }
}

/** One Japanese line per thing that disappears (pages and the CLI list the same). */
export function describeDisappearances(d: Disappearances): string[] {
  return [
    ...d.projects.map((p) => `事業${p.number}「${p.name}」がなくなります`),
    ...d.budgetCells.map((c) => `事業${c.number}「${c.name}」の${c.fiscalYear}年度の事業費がなくなります`),
    ...d.missingSheets.map((f) => `事業シートがありません: ${f.message}`),
  ];
}

/** What revision `nextId` takes away from the public revision `currentId`. */
export async function findDisappearances(
  db: Kysely<Database>,
  currentId: number,
  nextId: number,
  findings: readonly Finding[],
): Promise<Disappearances> {
  const diff = diffRevisions(await readKeyedProjects(db, currentId), await readKeyedProjects(db, nextId));
  return listDisappearances(diff, findings);
}

/**
 * Refuses (RemovalsRefusedError) unless nothing disappears from the public revision or the caller confirmed it;
 * an area's first revision takes nothing away.
 */
export async function assertRemovalsConfirmed(
  db: Kysely<Database>,
  input: { currentId: number | null; nextId: number; findings: readonly Finding[]; allowRemovals: boolean },
): Promise<void> {
  if (input.allowRemovals || input.currentId === null) return;
  const found = await findDisappearances(db, input.currentId, input.nextId, input.findings);
  if (hasDisappearances(found)) throw new RemovalsRefusedError(found);
}
