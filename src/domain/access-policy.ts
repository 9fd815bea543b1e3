/**
 * Who may do what (issue 7). Pure: the server and the CLI give an Actor and a scope, this answers. Roles are
 * granted per area and, for municipality staff, per municipality of that area; nothing here knows HTTP or SQL.
 */

export type RoleName = 'admin' | 'central_staff' | 'municipality_staff' | 'council';

/** One role granted to an account: admin for the installation, the others within one area. */
export type RoleGrant =
  | { role: 'admin' }
  | { role: 'central_staff' | 'council'; areaId: number }
  | { role: 'municipality_staff'; areaId: number; municipalityId: number };

export type Channel = 'web' | 'api' | 'cli' | 'import' | 'system';

/**
 * Who acts: a signed-in account with its grants, or the operator at the machine (the CLI, the start-up import),
 * who holds every permission because they already hold the data directory or the database credentials.
 */
export type Actor =
  | { kind: 'account'; userId: string; label: string; grants: readonly RoleGrant[]; channel: 'web' | 'api' }
  | { kind: 'operator'; label: string; channel: 'cli' | 'import' | 'system' };

export type Permission =
  /** import a document as a revision of an existing area, or create an area (areaId undefined) */
  | 'vision.import'
  /** read what is not public yet: drafts, unpublished results */
  | 'drafts.read'
  /** make, edit and publish draft revisions of an area's vision; make an earlier revision current again */
  | 'vision.edit'
  /** enter or change one municipality's yearly results */
  | 'results.edit'
  /** the central city's part of the yearly cycle: KPI actuals, comments, cost-share rules, approve or return
   * the towns' parts, publish a fiscal year's results */
  | 'results.review'
  /** write the council's opinion (所見) on a project's year: the vision council's members of the area */
  | 'council.opine'
  | 'users.manage'
  | 'audit.read';

/** What a permission is checked against: the area and, for results, the municipality. */
export type AccessScope = { areaId?: number | undefined; municipalityId?: number | undefined };

/**
 * True when the actor may do this within the scope.
 * @example isAllowed(hiranaiStaff, 'results.edit', { areaId: 1, municipalityId: 3 }) // false for 今別町 (id 4)
 */
export function isAllowed(actor: Actor, permission: Permission, scope: AccessScope = {}): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => grantAllows(grant, permission, scope));
}

function grantAllows(grant: RoleGrant, permission: Permission, scope: AccessScope): boolean {
  // admins manage the installation; the towns and the central city answer for the figures
  // and the council speaks for itself
  if (grant.role === 'admin') return !['results.edit', 'results.review', 'council.opine'].includes(permission);
  const inArea = scope.areaId !== undefined && grant.areaId === scope.areaId;
  if (!inArea) return false;
  switch (permission) {
    case 'vision.import':
    case 'vision.edit':
    case 'results.review':
      return grant.role === 'central_staff';
    case 'drafts.read':
      return true;
    case 'council.opine':
      return grant.role === 'council';
    case 'results.edit':
      return grant.role === 'municipality_staff' && grant.municipalityId === scope.municipalityId;
    case 'users.manage':
    case 'audit.read':
      return false;
  }
}

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'システム管理者',
  central_staff: '中心市の担当職員',
  municipality_staff: '市町村の担当職員',
  council: 'ビジョン懇談会委員',
};

/** The operator at the machine, acting through `channel` (the CLI, the start-up import of the sample). */
export function operatorActor(channel: 'cli' | 'import' | 'system'): Actor {
  return { kind: 'operator', label: channel, channel };
}

/**
 * True when the actor holds the permission in at least one scope: the route-level check (who may open the page
 * at all); the service checks the exact area and municipality inside the write.
 */
export function isAllowedSomewhere(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) =>
    grant.role === 'admin'
      ? grantAllows(grant, permission, {})
      : grantAllows(grant, permission, {
          areaId: grant.areaId,
          municipalityId: grant.role === 'municipality_staff' ? grant.municipalityId : undefined,
        }),
  );
}

/**
 * Two-factor sign-in is optional, but an account holding the admin role that has turned it on cannot turn it off
 * itself: only the operator at the machine (`renkei user reset-2fa`) clears it, e.g. for a lost device. Every
 * other account may turn it off with its password and a current code.
 * @example mayTurnOffOwnTwoFactor({ kind: 'account', grants: [{ role: 'admin' }], … }) // false
 */
export function mayTurnOffOwnTwoFactor(actor: Actor): boolean {
  if (actor.kind === 'operator') return true;
  return !actor.grants.some((grant) => grant.role === 'admin');
}
