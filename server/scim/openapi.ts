import { describeRoute, resolver } from 'hono-openapi';
import { z } from 'zod';

/** SCIM bodies are RFC 7643 resources, validated field by field by the handlers, not by one schema. */
const ScimBody = z.looseObject({ schemas: z.array(z.string()).optional() });
const ScimErrorBody = z.object({
  schemas: z.array(z.string()),
  status: z.string(),
  scimType: z.string().optional(),
  detail: z.string(),
});

const scimJson = (schema: z.ZodType) => ({ 'application/scim+json': { schema: resolver(schema) } });

const FAILURES = {
  400: 'The request is invalid; `detail` and `scimType` say why.',
  401: 'Missing or unknown SCIM provisioning token.',
  404: 'No such user or group.',
  409: 'A user with that userName, or a group with that displayName, exists already.',
} as const;

/** The OpenAPI description of one SCIM route: what it answers on success, with a body or not. */
export function scimRoute(summary: string, success: 200 | 201 | 204, takesBody = false) {
  return describeRoute({
    tags: ['SCIM 2.0'],
    summary,
    ...(takesBody ? { requestBody: { required: true, content: scimJson(ScimBody) } } : {}),
    responses: {
      [success]:
        success === 204
          ? { description: 'Done' }
          : { description: 'The resource', content: scimJson(ScimBody) },
      ...Object.fromEntries(
        Object.entries(FAILURES).map(([status, description]) => [
          status,
          { description, content: scimJson(ScimErrorBody) },
        ]),
      ),
    },
  });
}
