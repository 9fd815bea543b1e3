import { Hono } from 'hono';
import { getCurrentVision } from '../../service/read-vision.js';
import type { AppDeps } from '../app-deps.js';

/** GET /vision: the Vision JSON (DESIGN.md §6) of the current revision. */
export function createVisionRoutes(deps: AppDeps): Hono {
  return new Hono().get('/vision', async (c) => c.json(await getCurrentVision(deps.db)));
}
