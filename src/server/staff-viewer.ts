import type { Context } from 'hono';
import { type Actor, isAllowedSomewhere, ROLE_LABELS } from '../domain/access-policy.js';
import { describeRoles } from '../service/accounts/manage-accounts.js';
import { messages } from '../web/messages.js';
import type { StaffViewer } from '../web/staff-layout.js';
import type { AppContext } from './app-deps.js';
import { formToken } from './csrf.js';

const MENU_TEXT = messages.staff.menu;

/** The staff menu: each entry shown to the accounts whose roles let them use it. */
const MENU = [
  // the central city's staff enter the central city's own part there too
  { href: '/staff/results', label: MENU_TEXT.results, permission: ['results.edit', 'results.review'] },
  { href: '/staff/review', label: MENU_TEXT.review, permission: 'results.review' },
  { href: '/staff/opinions', label: MENU_TEXT.opinions, permission: ['council.opine', 'results.review'] },
  { href: '/admin/import', label: MENU_TEXT.import, permission: 'vision.import' },
  { href: '/staff/drafts', label: MENU_TEXT.drafts, permission: 'vision.edit' },
  { href: '/admin/users', label: MENU_TEXT.users, permission: 'users.manage' },
  { href: '/admin/audit', label: MENU_TEXT.audit, permission: 'audit.read' },
] as const;

/** What the staff pages show of the signed-in account, with a form token for their forms. */
export async function buildStaffViewer(c: Context, ctx: AppContext, actor: Actor): Promise<StaffViewer> {
  const grants = actor.kind === 'account' ? actor.grants : [];
  const roles = (await describeRoles(ctx.db, grants)).map((r) => {
    const where = [r.areaName, r.municipalityName].filter((x) => x !== null).join('・');
    return where === '' ? ROLE_LABELS[r.role] : `${ROLE_LABELS[r.role]}（${where}）`;
  });
  return {
    email: actor.label,
    roles,
    links: [
      { href: '/account', label: MENU_TEXT.account },
      ...MENU.filter((item) => [item.permission].flat().some((p) => isAllowedSomewhere(actor, p))).map(
        ({ href, label }) => ({ href, label }),
      ),
    ],
    csrf: await csrfTokenOf(c, ctx),
    path: c.req.path,
  };
}

/** The visitor's form token (server/csrf.ts), signed with the installation's secret. */
export async function csrfTokenOf(c: Context, ctx: AppContext): Promise<string> {
  return formToken(c, await ctx.secret(), ctx.publicOrigin.startsWith('https:'));
}
