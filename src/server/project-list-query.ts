import { z } from 'zod';
import type { ProjectQuery } from '../domain/project-query.js';

const optionalInt = z
  .string()
  .transform((s) => s.normalize('NFKC').trim())
  .pipe(z.union([z.literal(''), z.string().regex(/^[1-9][0-9]{0,2}$/, '1 以上の整数で指定してください')]))
  .transform((s) => (s === '' ? undefined : Number(s)))
  .optional();

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `${max} 文字以内で指定してください`)
    .transform((s) => (s.trim() === '' ? undefined : s.trim()))
    .optional();

/** The query string of /projects: every filter optional, empty values ignored, bad values a 400. */
export const ProjectListQuerySchema = z.object({
  role: optionalInt,
  area: optionalInt,
  sub: optionalInt,
  municipality: optionalText(40),
  new: z.enum(['', '1', 'on', 'true']).optional(),
  kind: z.enum(['', 'absolute', 'per_year_at_least', 'percentage', 'merged_into', 'none']).optional(),
  q: optionalText(100),
  sort: z.enum(['', 'number', 'cost']).optional(),
  order: z.enum(['', 'asc', 'desc']).optional(),
});

export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

/** The domain filter for a validated query string. */
export function toProjectQuery(q: ProjectListQuery): ProjectQuery {
  return {
    role: q.role,
    policyArea: q.area,
    subField: q.sub,
    municipality: q.municipality,
    newOnly: q.new !== undefined && q.new !== '',
    targetKind: q.kind === '' ? undefined : q.kind,
    text: q.q,
    sort: q.sort === 'cost' ? 'cost' : 'number',
    order: q.order === 'desc' ? 'desc' : 'asc',
  };
}
