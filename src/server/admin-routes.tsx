import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Actor, ROLE_LABELS, type RoleName } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { neutralizeFormula } from '../report/neutralize-formula.js';
import {
  addAccount,
  disableAccount,
  generatePassword,
  listAccounts,
  resetAccountPassword,
} from '../service/accounts/manage-accounts.js';
import { type AuditFilter, readAuditLog } from '../service/audit-log.js';
import { AdminUsersPage, type NewAccountField } from '../web/pages/admin-users-page.js';
import { AuditPage } from '../web/pages/audit-page.js';
import { fieldErrors, readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { buildStaffViewer } from './staff-viewer.js';

const ROLES = Object.keys(ROLE_LABELS) as [RoleName, ...RoleName[]];

const NewAccountSchema = z.object({
  email: z.string().trim().min(1, 'メールアドレスを入力してください').max(254),
  name: z.string().trim().min(1, '氏名を入力してください').max(100, '100 文字以内で入力してください'),
  role: z.enum(ROLES, { error: '役割を選んでください' }),
  area: z.string().trim().max(100).optional(),
  municipality: z.string().trim().max(100).optional(),
});

const PAGE_SIZE = 100;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD の形で指定してください')
  .optional()
  .or(z.literal('').transform(() => undefined));
const AuditQuerySchema = z.object({
  actor: z.string().max(254).optional(),
  entity: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100000).optional(),
});

/** /admin/users (accounts) and /admin/audit (the audit log, page and CSV): for installation admins. */
export function createAdminRoutes(ctx: AppContext): Hono<ActorEnv> {
  const manageUsers = guard(ctx, { kind: 'permission', permission: 'users.manage' });
  const readAudit = guard(ctx, { kind: 'permission', permission: 'audit.read' });

  const usersPage = async (
    c: Context<ActorEnv>,
    status: 200 | 400 | 409 | 422,
    extra: {
      errors?: Record<string, string>;
      typed?: Record<string, string>;
      issued?: { email: string; password: string };
    } = {},
  ) => {
    const accounts = await listAccounts(ctx.db);
    return privatePage(
      c,
      <AdminUsersPage
        viewer={await buildStaffViewer(c, ctx, c.get('actor') as Actor)}
        accounts={accounts.map((a) => ({
          email: a.email,
          name: a.name,
          disabled: a.disabled,
          twoFactor: a.twoFactor,
          roles: a.roles.map((r) =>
            [ROLE_LABELS[r.role], r.areaName, r.municipalityName].filter((x) => x !== null).join('・'),
          ),
        }))}
        errors={extra.errors ?? {}}
        typed={extra.typed ?? {}}
        issued={extra.issued}
      />,
      status,
    );
  };

  return new Hono<ActorEnv>()
    .get('/admin/users', manageUsers, (c) => usersPage(c, 200))
    .post('/admin/users', manageUsers, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const typed = Object.fromEntries(
        (['email', 'name', 'role', 'area', 'municipality'] as NewAccountField[]).map((f) => [
          f,
          typeof body[f] === 'string' ? (body[f] as string).slice(0, 254) : '',
        ]),
      );
      const parsed = NewAccountSchema.safeParse(body);
      if (!parsed.success) return usersPage(c, 422, { errors: fieldErrors(parsed.error.issues), typed });
      const password = generatePassword();
      try {
        await addAccount(ctx.db, c.get('actor') as Actor, {
          email: parsed.data.email,
          name: parsed.data.name,
          password,
          role: {
            role: parsed.data.role,
            areaSlug: parsed.data.area || undefined,
            municipality: parsed.data.municipality || undefined,
          },
        });
      } catch (error) {
        if (error instanceof AppError && (error.code === 'INVALID_INPUT' || error.code === 'CONFLICT')) {
          const field =
            error.code === 'CONFLICT'
              ? 'email'
              : /市町村/.test(error.userMessage ?? '')
                ? 'municipality'
                : /圏域/.test(error.userMessage ?? '')
                  ? 'area'
                  : 'email';
          return usersPage(c, error.code === 'CONFLICT' ? 409 : 422, {
            errors: { [field]: error.userMessage ?? '' },
            typed,
          });
        }
        throw error;
      }
      return usersPage(c, 200, { issued: { email: parsed.data.email.toLowerCase(), password } });
    })
    .post('/admin/users/disable', manageUsers, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      await disableAccount(ctx.db, c.get('actor') as Actor, String(body.email ?? ''));
      return c.redirect('/admin/users', 303);
    })
    .post('/admin/users/password', manageUsers, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const email = String(body.email ?? '');
      const password = generatePassword();
      await resetAccountPassword(ctx.db, c.get('actor') as Actor, email, password);
      return usersPage(c, 200, { issued: { email, password } });
    })
    .get('/admin/audit', readAudit, async (c) => {
      const { filter, form, page } = parseAuditQuery(c);
      const { total, entries } = await readAuditLog(ctx.db, c.get('actor') as Actor, filter);
      const query = (p: number) => `?${new URLSearchParams({ ...form, page: String(p) })}`;
      return privatePage(
        c,
        <AuditPage
          viewer={await buildStaffViewer(c, ctx, c.get('actor') as Actor)}
          filter={form}
          total={total}
          entries={entries}
          csvHref={`/admin/audit.csv?${new URLSearchParams(form)}`}
          prevHref={page > 1 ? `/admin/audit${query(page - 1)}` : undefined}
          nextHref={page * PAGE_SIZE < total ? `/admin/audit${query(page + 1)}` : undefined}
        />,
      );
    })
    .get('/admin/audit.csv', readAudit, async (c) => {
      const { filter } = parseAuditQuery(c);
      const { entries } = await readAuditLog(ctx.db, c.get('actor') as Actor, { ...filter, limit: 100000, offset: 0 });
      const csv = stringify(
        entries.map((e) => [
          e.id,
          e.at,
          e.actorLabel,
          e.actorRoles.join(' '),
          e.channel,
          e.action,
          e.entity,
          e.entityId ?? '',
          e.before === null ? '' : JSON.stringify(e.before),
          e.after === null ? '' : JSON.stringify(e.after),
          e.dataVersion,
        ]),
        {
          header: true,
          columns: [
            'id',
            'at',
            'actor',
            'actor_roles',
            'channel',
            'action',
            'entity',
            'entity_id',
            'before',
            'after',
            'data_version',
          ],
          bom: true,
          record_delimiter: 'windows',
          cast: { string: (value) => neutralizeFormula(value) },
        },
      );
      c.header('Cache-Control', 'no-store');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="renkei-audit-log.csv"');
      return c.body(csv);
    });
}

function parseAuditQuery(c: Context): {
  filter: AuditFilter;
  form: Record<string, string> & { actor: string; entity: string; action: string; from: string; to: string };
  page: number;
} {
  const parsed = AuditQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', `Bad audit query: ${parsed.error.message}`, {
      userMessage: `絞り込みの「${String(issue?.path[0] ?? '')}」が正しくありません。${issue?.message ?? ''}`,
    });
  }
  const q = parsed.data;
  const page = q.page ?? 1;
  return {
    filter: {
      actor: q.actor,
      entity: q.entity,
      action: q.action,
      from: q.from,
      to: q.to,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
    form: { actor: q.actor ?? '', entity: q.entity ?? '', action: q.action ?? '', from: q.from ?? '', to: q.to ?? '' },
    page,
  };
}
