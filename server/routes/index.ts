// Every resource's routes, in one list: add a resource by adding its factory here.
import type { Repositories } from '../db/repositories.ts';
import type { RouteDef } from '../http/route.ts';
import { citationRoutes } from './citations.ts';
import { codingRoutes } from './coding.ts';
import { crosswalkRoutes } from './crosswalk.ts';
import { exportRoutes } from './exports.ts';
import { literatureRoutes } from './literature.ts';
import { modelRoutes } from './model.ts';
import { modelsImportRoutes } from './models-import.ts';
import { prismaRoutes } from './prisma.ts';
import { reviewRoutes } from './reviews.ts';
import { screeningRoutes } from './screening.ts';
import { undoRoutes } from './undo.ts';

export const resourceRoutes: ((repos: Repositories) => RouteDef[])[] = [
  reviewRoutes,
  modelRoutes,
  modelsImportRoutes,
  crosswalkRoutes,
  exportRoutes,
  citationRoutes,
  literatureRoutes,
  screeningRoutes,
  codingRoutes,
  prismaRoutes,
  undoRoutes,
];
