import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../lib/settings/policy.ts';

describe('policy: sign-in on install', () => {
  it.each([
    [true, { signInOnInstall: true }, []],
    [false, { signInOnInstall: false }, []],
    [
      'yes',
      {},
      ['Policy setting "signInOnInstall" was ignored: Invalid input: expected boolean, received string.'],
    ],
  ])('%j', (value, policy, diagnostics) => {
    expect(parsePolicy({ signInOnInstall: value })).toEqual({ policy, diagnostics });
  });
});
