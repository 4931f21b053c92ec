import { type Context, Hono } from 'hono';
import type { Db } from '../db/types.ts';
import { ApiHttpError } from '../http/errors.ts';
import { LIST_SCHEMA, ScimError, scimErrorBody } from './errors.ts';
import { parseEqFilter } from './filter.ts';
import {
  createGroup,
  deleteGroup,
  findGroup,
  groupResource,
  listGroups,
  patchGroup,
  replaceGroup,
} from './groups.ts';
import { scimRoute } from './openapi.ts';
import { flattenPatch, type PatchOperation } from './patch.ts';
import { isScimToken } from './tokens.ts';
import {
  draftFromResource,
  findScimUser,
  listScimUsers,
  patchDraft,
  saveScimUser,
  userResource,
} from './users.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const SCIM_JSON = 'application/scim+json';

function reply(c: Context, body: unknown, status: 200 | 201 = 200) {
  return c.body(JSON.stringify(body), status, { 'Content-Type': SCIM_JSON });
}

async function readBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => {
    throw new ScimError(400, 'The body must be JSON.', 'invalidValue');
  });
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ScimError(400, 'The body must be a JSON object.', 'invalidValue');
  }
  return body as Record<string, unknown>;
}

function operations(body: Record<string, unknown>): PatchOperation[] {
  if (!Array.isArray(body.Operations))
    throw new ScimError(400, 'A PATCH body needs Operations.', 'invalidValue');
  return body.Operations as PatchOperation[];
}

function list(c: Context, resources: unknown[]) {
  const start = Math.max(1, Number(c.req.query('startIndex') ?? 1) || 1);
  const count = Math.max(0, Number(c.req.query('count') ?? 100) || 0);
  const page = resources.slice(start - 1, start - 1 + count);
  return reply(c, {
    schemas: [LIST_SCHEMA],
    totalResults: resources.length,
    startIndex: start,
    itemsPerPage: page.length,
    Resources: page,
  });
}

/**
 * SCIM 2.0 (RFC 7644) for the company's identity provider: Users and Groups (teams), as Okta and
 * Entra ID send them, behind a provisioning token of its own (`scim-token create`).
 */
export function scimRoutes(db: Db) {
  const app = new Hono();
  const base = (c: Context) => new URL(c.req.url).origin;

  app.onError((error, c) => {
    const scim =
      error instanceof ScimError
        ? error
        : error instanceof ApiHttpError && error.status === 404
          ? new ScimError(404, error.message)
          : null;
    if (!scim) throw error;
    return c.body(JSON.stringify(scimErrorBody(scim)), scim.status, { 'Content-Type': SCIM_JSON });
  });
  app.use('*', async (c, next) => {
    const token = BEARER.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token || !(await isScimToken(db, token)))
      throw new ScimError(401, 'A SCIM provisioning token is required.');
    await next();
  });

  app.get(
    '/Users',
    scimRoute('List users, or find one with a filter such as userName eq', 200),
    async (c) => {
      const filter = c.req.query('filter');
      const users = await listScimUsers(
        db,
        filter ? parseEqFilter(filter, ['userName', 'externalId']) : undefined,
      );
      return list(
        c,
        users.map(({ user, draft }) => userResource(user, draft, base(c))),
      );
    },
  );
  app.get('/Users/:id', scimRoute('Read a user', 200), async (c) => {
    const { user, draft } = await findScimUser(db, c.req.param('id'));
    return reply(c, userResource(user, draft, base(c)));
  });
  app.post('/Users', scimRoute('Provision a user', 201, true), async (c) => {
    const { user, draft } = await saveScimUser(db, draftFromResource(await readBody(c)));
    return reply(c, userResource(user, draft, base(c)), 201);
  });
  app.put('/Users/:id', scimRoute('Replace a user', 200, true), async (c) => {
    const existing = await findScimUser(db, c.req.param('id'));
    const { user, draft } = await saveScimUser(db, draftFromResource(await readBody(c)), existing.user);
    return reply(c, userResource(user, draft, base(c)));
  });
  app.patch(
    '/Users/:id',
    scimRoute('Change a user, e.g. active: false to deactivate', 200, true),
    async (c) => {
      const existing = await findScimUser(db, c.req.param('id'));
      const changes = flattenPatch(operations(await readBody(c)));
      const { user, draft } = await saveScimUser(db, patchDraft(existing.draft, changes), existing.user);
      return reply(c, userResource(user, draft, base(c)));
    },
  );
  // Deleting archives: the person's logged outcomes must stay.
  app.delete('/Users/:id', scimRoute('Deprovision a user: archived, their outcomes stay', 204), async (c) => {
    const existing = await findScimUser(db, c.req.param('id'));
    await saveScimUser(db, { ...existing.draft, active: false }, existing.user);
    return c.body(null, 204);
  });

  app.get('/Groups', scimRoute('List groups (teams), or find one by displayName eq', 200), async (c) => {
    const filter = c.req.query('filter');
    const groups = await listGroups(db, filter ? parseEqFilter(filter, ['displayName']).value : undefined);
    return list(c, await Promise.all(groups.map((group) => groupResource(db, group, base(c)))));
  });
  app.get('/Groups/:id', scimRoute('Read a group (team) with its members', 200), async (c) =>
    reply(c, await groupResource(db, await findGroup(db, c.req.param('id')), base(c))),
  );
  app.post('/Groups', scimRoute('Create a group: a team, with its members', 201, true), async (c) =>
    reply(c, await groupResource(db, await createGroup(db, await readBody(c)), base(c)), 201),
  );
  app.put('/Groups/:id', scimRoute('Replace a group’s name and members', 200, true), async (c) =>
    reply(c, await groupResource(db, await replaceGroup(db, c.req.param('id'), await readBody(c)), base(c))),
  );
  app.patch('/Groups/:id', scimRoute('Rename a group or add and remove members', 200, true), async (c) => {
    const group = await patchGroup(db, c.req.param('id'), flattenPatch(operations(await readBody(c))));
    return reply(c, await groupResource(db, group, base(c)));
  });
  app.delete(
    '/Groups/:id',
    scimRoute('Delete a group: its members leave the team, then it goes', 204),
    async (c) => {
      await deleteGroup(db, c.req.param('id'));
      return c.body(null, 204);
    },
  );
  return app;
}
