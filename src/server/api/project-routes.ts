import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { getProject, listProjects } from '../../service/read-vision.js';
import type { AppDeps } from '../app-deps.js';

/** `/projects/{number}`: a positive integer; full-width digits are read as digits. */
export const ProjectNumberParamSchema = z.object({
  number: z
    .string()
    .transform((s) => s.normalize('NFKC'))
    .pipe(z.string().regex(/^[1-9][0-9]{0,8}$/))
    .transform(Number),
});

const projectNumberParam = validator('param', (value) => {
  const parsed = ProjectNumberParamSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `Project number must be a positive integer: ${JSON.stringify(value)}`, {
      userMessage: '事業番号は 1 以上の整数で指定してください。',
    });
  }
  return parsed.data;
});

/** GET /projects (all projects of the current revision) and GET /projects/{number}. */
export function createProjectRoutes(deps: AppDeps): Hono {
  return new Hono()
    .get('/projects', async (c) => c.json(await listProjects(deps.db)))
    .get('/projects/:number', projectNumberParam, async (c) => {
      const { number } = c.req.valid('param');
      return c.json(await getProject(deps.db, number));
    });
}
