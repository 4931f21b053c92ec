import { createHash } from 'node:crypto';
import type { User } from '../../lib/schemas/index.ts';

/**
 * Every feed row is addressed to one audience. Org-wide reference data goes to everyone; an account
 * (and what hangs off it) goes to its owner's team, or to leads only when it has no owning team.
 */
export const EVERYONE = 'everyone';
export const LEADS_ONLY = 'leads';
const TEAM_PREFIX = 'team:';

function teamAudience(teamId: string): string {
  return `${TEAM_PREFIX}${teamId}`;
}

/** The audiences a user may read, or null when they may read every row. */
export function visibleAudiences(user: Pick<User, 'role' | 'teamId'>): string[] | null {
  if (user.role === 'lead' || user.role === 'admin') return null;
  return user.teamId === undefined ? [EVERYONE] : [EVERYONE, teamAudience(user.teamId)];
}

/** The feed's rule for one row: whether `user` may read what is addressed to `audience`. */
export function canRead(user: Pick<User, 'role' | 'teamId'>, audience: string): boolean {
  const audiences = visibleAudiences(user);
  return audiences === null || audiences.includes(audience);
}

/**
 * A short fingerprint of what a user can see. When it changes (new team, new role), tombstones
 * addressed to the old audience are invisible to the user, so their cache can only be trusted again
 * after a full resync; the cursor carries this key so the feed can demand one.
 */
export function scopeKey(audiences: string[] | null): string {
  if (audiences === null) return 'all';
  return createHash('sha256')
    .update([...audiences].sort().join('\n'))
    .digest('base64url')
    .slice(0, 16);
}

/** The SQL twin of an account's audience, given its owner row `u` (which may be missing). */
export const ACCOUNT_AUDIENCE_SQL = `COALESCE('${TEAM_PREFIX}' || u.team_id, '${LEADS_ONLY}')`;
