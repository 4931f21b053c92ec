import { describe, expect, test } from 'vitest';
import { parseOnly } from '../../../scripts/bench/only.ts';

const KNOWN = ['firstSync', 'accountLookup', 'pageLoad'] as const;

describe('parseOnly', () => {
  test.each<[string, string[], string[] | null]>([
    ['no flag', [], null],
    ['other flags only', ['--accounts', '250000'], null],
    ['one figure', ['--only', 'pageLoad'], ['pageLoad']],
    ['several, with =', ['--only=firstSync,accountLookup'], ['firstSync', 'accountLookup']],
    ['beside another flag', ['--accounts', '250000', '--only', 'accountLookup'], ['accountLookup']],
  ])('%s', (_, argv, expected) => {
    expect(parseOnly(argv, KNOWN)).toEqual(expected);
  });

  test.each([
    [['--only'], /needs figure names.*firstSync, accountLookup, pageLoad/],
    [['--only', '--accounts'], /needs figure names/],
    [['--only', 'pageLoad,lookup'], /unknown figure lookup; known figures: firstSync/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseOnly(argv, KNOWN)).toThrow(message);
  });
});
