import { createHash, timingSafeEqual } from 'node:crypto';

/** An S256 challenge is the base64url SHA-256 of the verifier: always 43 characters. */
export const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Whether the verifier presented at the token endpoint answers the challenge sent at the start. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(s256(verifier));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
