import type { Kysely, Transaction } from 'kysely';
import { type AccessScope, type Actor, isAllowed, type Permission } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { type AuditEntryInput, appendAuditEntries } from '../store/audit-store.js';
import { bumpDataVersion, markPublicDataVersion } from '../store/data-version-store.js';
import type { Database } from '../store/database.js';
import { listPublishedYears } from '../store/yearly-result-store.js';

/**
 * Who sees a change once committed: the public (the default), the area's staff only (a draft, an account), or the
 * public once that fiscal year's results are published in the change's area (results and the council's texts).
 */
export type ChangeAudience = 'public' | 'staff' | { resultsOfYear: number };

/** What an audited change says about itself; who, when and through what come from the write. */
export type AuditChange = Pick<AuditEntryInput, 'action' | 'entity' | 'entityId' | 'areaId' | 'before' | 'after'> & {
  /** 'public' when left out: public caches (pages, API, open data) are dropped when the public can see a change */
  audience?: ChangeAudience;
};

/** What a write function is handed: the transaction, and the three duties of every write. */
export type WriteContext = {
  trx: Transaction<Database>;
  actor: Actor;
  /** refuses (FORBIDDEN, or UNAUTHENTICATED for nobody) unless the actor holds the permission in the scope */
  require(permission: Permission, scope?: AccessScope): void;
  /** refuses (CONFLICT) when the record changed since the caller read it; `current` goes back to the caller */
  expectVersion(expected: number, actual: number, current: unknown): void;
  /** records a change: appended to the audit log in this transaction */
  audit(change: AuditChange): void;
};

export type WriteOutcome<T> = { result: T; dataVersion: number | null };

/** The details a CONFLICT carries: the version the record is at and its current values. */
export class VersionConflictError extends AppError {
  readonly currentVersion: number;
  readonly current: unknown;

  constructor(expected: number, actual: number, current: unknown) {
    super('CONFLICT', `Version ${expected} expected, record is at ${actual}`, {
      userMessage: 'ほかの人がこの内容を先に変更しました。最新の内容を確かめてから、もう一度入力してください。',
    });
    this.currentVersion = actual;
    this.current = current;
  }
}

/**
 * The one road every change takes, whatever calls it (page, API, CLI, import): one transaction that checks the
 * policy for this actor and record, checks the version the caller started from, writes, appends the audit
 * entries (before → after) and bumps the data version, all before commit. A function that never called
 * `require` is a programming error and is refused, so no write can forget its policy. When nothing was audited
 * (nothing changed), the data version stays; when the public sees none of the changes, the public version (what
 * public caches key on) stays.
 */
export async function runWrite<T>(
  db: Kysely<Database>,
  actor: Actor,
  write: (w: WriteContext) => Promise<T>,
): Promise<WriteOutcome<T>> {
  try {
    return await db.transaction().execute(async (trx) => {
      let checked = false;
      const changes: AuditChange[] = [];
      const context: WriteContext = {
        trx,
        actor,
        require(permission, scope) {
          checked = true;
          if (!isAllowed(actor, permission, scope)) throw refusal(actor, permission);
        },
        expectVersion(expected, actual, current) {
          if (expected !== actual) throw new VersionConflictError(expected, actual, current);
        },
        audit(change) {
          changes.push(change);
        },
      };
      const result = await write(context);
      if (!checked) throw new AppError('INTERNAL', 'A write ran without checking its policy');
      if (changes.length === 0) return { result, dataVersion: null };
      const dataVersion = await bumpDataVersion(trx);
      // asked after the bump: its row lock waits for a concurrent publication, whose result_year row is then seen
      if (await anySeenByPublic(trx, changes)) await markPublicDataVersion(trx, dataVersion);
      await appendAuditEntries(
        trx,
        changes.map(({ audience: _, ...change }) => ({ ...describeActor(actor), ...change })),
        dataVersion,
      );
      return { result, dataVersion };
    });
  } catch (error) {
    throw asUnavailable(error) ?? error;
  }
}

/** Whether the public sees any of the changes (a fiscal year's results: once that year is published). */
async function anySeenByPublic(trx: Transaction<Database>, changes: AuditChange[]): Promise<boolean> {
  const published = new Map<number, Promise<number[]>>();
  for (const { audience = 'public', areaId } of changes) {
    if (audience === 'public') return true;
    if (audience === 'staff') continue;
    if (areaId === null) return true; // no area to ask: the public may see it
    if (!published.has(areaId)) published.set(areaId, listPublishedYears(trx, areaId));
    if ((await published.get(areaId))?.includes(audience.resultsOfYear)) return true;
  }
  return false;
}

/** Who acted, as the audit log records it. */
export function describeActor(
  actor: Actor,
): Pick<AuditEntryInput, 'actorUserId' | 'actorLabel' | 'actorRoles' | 'channel'> {
  return {
    actorUserId: actor.kind === 'account' ? actor.userId : null,
    actorLabel: actor.label,
    actorRoles: actor.kind === 'account' ? actor.grants.map((g) => g.role) : ['operator'],
    channel: actor.channel,
  };
}

function refusal(actor: Actor, permission: Permission): AppError {
  return new AppError('FORBIDDEN', `${actor.label} may not ${permission}`, {
    userMessage: 'この操作をする権限がありません。',
  });
}

/** PostgreSQL's "insufficient resources" class (53: disk full, out of memory, too many connections). */
function asUnavailable(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('53')) return undefined;
  return new AppError('UNAVAILABLE', `The database refused the write (${code})`, {
    userMessage: 'データベースが書き込みを受け付けられません（容量不足など）。管理者に連絡してください。',
    cause: error,
  });
}
