/** RFC 7644 §3.12 errors: identity providers read `status`, `scimType` and `detail`. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409,
    message: string,
    readonly scimType?: 'invalidFilter' | 'invalidValue' | 'invalidPath' | 'uniqueness' | 'noTarget',
  ) {
    super(message);
    this.name = 'ScimError';
  }
}

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export function scimErrorBody(error: ScimError) {
  return {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
}
