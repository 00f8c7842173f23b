// The OpenAPI 3.1 document, generated from the route table and its zod schemas.
import { z } from 'zod';
import type { RouteDef } from './route.ts';
import { problemSchema } from '../../shared/schemas.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): unknown =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(route: RouteDef): unknown[] {
  const out: unknown[] = [];
  for (const where of ['params', 'query'] as const) {
    const schema = route[where];
    if (!schema) continue;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({
        name,
        in: where === 'params' ? 'path' : 'query',
        required: where === 'params' || (js.required ?? []).includes(name),
        schema: s,
      });
    }
  }
  return out;
}

export function openApiDocument(routes: RouteDef[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    const problem = { description: 'Problem', content: { 'application/problem+json': { schema: jsonSchema(problemSchema, 'output') } } };
    const status = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][route.method] = {
      tags: [route.tag],
      summary: route.summary,
      parameters: parameters(route),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
        : {}),
      responses: {
        [status]: route.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : { description: 'OK' },
        '4XX': problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Synthesis Workbench API', version },
    servers: [{ url: '/' }],
    paths,
  };
}
