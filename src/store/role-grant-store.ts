import type { Kysely, Transaction } from 'kysely';
import type { RoleGrant } from '../domain/access-policy.js';
import type { Database } from './database.js';

/** The roles granted to an account. */
export async function listRoleGrants(db: Kysely<Database>, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select(['role', 'area_id', 'municipality_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row): RoleGrant => {
    if (row.role === 'admin') return { role: 'admin' };
    const areaId = row.area_id as number;
    if (row.role === 'municipality_staff') {
      return { role: 'municipality_staff', areaId, municipalityId: row.municipality_id as number };
    }
    return { role: row.role, areaId };
  });
}

export async function insertRoleGrant(trx: Transaction<Database>, userId: string, grant: RoleGrant): Promise<void> {
  await trx
    .insertInto('role_grant')
    .values({
      user_id: userId,
      role: grant.role,
      area_id: grant.role === 'admin' ? null : grant.areaId,
      municipality_id: grant.role === 'municipality_staff' ? grant.municipalityId : null,
    })
    .execute();
}

/** True once any account holds the admin role (the first admin comes from the CLI). */
export async function hasAdmin(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('role_grant').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
  return row !== undefined;
}
