import type { Db } from '../db/connection.ts';
import { schemaVersion } from '../db/migrate.ts';
import { openApiDocument } from '../http/openapi.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { healthSchema } from '../../shared/schemas.ts';
import { APP_VERSION } from '../version.ts';

export function systemRoutes(db: Db, allRoutes: () => RouteDef[]): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/health', tag: 'system', summary: 'Liveness and the database schema version',
      response: healthSchema,
      handler: () => ({ status: 'ok', version: APP_VERSION, schemaVersion: schemaVersion(db) }),
    }),
    defineRoute({
      method: 'get', path: '/openapi.json', tag: 'system', summary: 'This document',
      handler: () => openApiDocument(allRoutes(), APP_VERSION),
    }),
  ];
}
