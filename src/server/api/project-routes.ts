import { ProjectNumberParamsSchema } from './api-params.js';

/**
 * `/projects/{number}`: a positive integer; full-width digits are read as digits (pages use it too). The API's
 * project routes, the default area's included, are in area-collection-routes.ts.
 */
export const ProjectNumberParamSchema = ProjectNumberParamsSchema;
