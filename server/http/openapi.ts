import type { Hono } from 'hono';
import { generateSpecs, resolver } from 'hono-openapi';
import type { z } from 'zod';
import { ApiError } from '../../lib/schemas/index.ts';

/** A JSON body of this schema, for a route's OpenAPI description. */
export function jsonContent(schema: z.ZodType) {
  return { 'application/json': { schema: resolver(schema) } };
}

const ERROR_MEANING = {
  400: 'The request is invalid; `details` names what is wrong.',
  401: 'Missing or unrecognised bearer token.',
  403: 'The token is valid but its user may not do this.',
  404: 'No such resource.',
  409: 'Refused because of other data; `details` names it.',
  410: 'The cursor is no longer known; start again without one.',
  413: 'The request body is too large.',
  422: 'Understood but cannot be applied.',
  429: 'Too many requests for this token; retry after `Retry-After` seconds.',
  503: 'The server is busy; retry after `Retry-After` seconds.',
} as const;

/** The error responses a route can give, all in the shared error shape. */
export function errorResponses(...statuses: (keyof typeof ERROR_MEANING)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_MEANING[status], content: jsonContent(ApiError) },
    ]),
  );
}

/** The OpenAPI 3.1 document of every described route of `app`, generated from the zod schemas. */
export function openApiDocument(app: Hono) {
  return generateSpecs(app, {
    // Without this the document would leave itself out: its path looks like a static file's.
    excludeStaticFile: false,
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Goal Lens backend',
        version: '1',
        description:
          'The contract between the Goal Lens extension and its backend, and the admin API for bringing data in.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
}
