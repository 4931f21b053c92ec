import { createScimToken } from '../../server/scim/tokens.ts';
import type { Harness } from './fixtures.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Calls /scim/v2 as an identity provider does, with a fresh provisioning token unless one is given. */
export async function scim(h: Harness, method: string, path: string, body?: unknown, token?: string) {
  const bearer = token ?? (await createScimToken(h.db));
  const response = await h.app.request(`/scim/v2${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('Content-Type'),
    body: text ? JSON.parse(text) : null,
  };
}
