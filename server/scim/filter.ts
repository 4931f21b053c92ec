import { ScimError } from './errors.ts';

/**
 * The filters Okta and Entra ID send when they look a resource up before creating it:
 * `userName eq "x"`, `externalId eq "x"`, `displayName eq "x"`. Anything richer is refused clearly.
 */
export function parseEqFilter(
  filter: string,
  attributes: readonly string[],
): { attribute: string; value: string } {
  const match = /^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!match?.[1] || match[2] === undefined) {
    throw new ScimError(
      400,
      `Only filters of the form attribute eq "value" are supported (got: ${filter}).`,
      'invalidFilter',
    );
  }
  const attribute = attributes.find((known) => known.toLowerCase() === match[1]?.toLowerCase());
  if (!attribute) {
    throw new ScimError(
      400,
      `Filtering on ${match[1]} is not supported; use one of ${attributes.join(', ')}.`,
      'invalidFilter',
    );
  }
  return { attribute, value: match[2].replace(/\\(.)/g, '$1') };
}
