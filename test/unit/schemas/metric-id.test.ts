import { describe, expect, test } from 'vitest';
import { accountIdCandidates, metricId } from '../../../lib/schemas/entities.ts';

describe('accountIdCandidates', () => {
  test.each<[string, string, string[]]>([
    ['acme', 'nps', ['acme']],
    ['acme:eu', 'nps', ['acme', 'acme:eu']],
    ['acme', 'nps:q3', ['acme', 'acme:nps']],
    [':acme', 'nps', [':acme']],
    ['acme:', 'nps', ['acme', 'acme:']],
    [':', ':', [':', '::']],
  ])('account %j, key %j', (accountId, key, candidates) => {
    const id = metricId({ accountId, key });
    expect(accountIdCandidates(id)).toEqual(candidates);
    // The metric's own account is always among them.
    expect(accountIdCandidates(id)).toContain(accountId);
  });

  test('an id without a separator names no account', () => {
    expect(accountIdCandidates('nps')).toEqual([]);
    expect(accountIdCandidates(':nps')).toEqual([]);
  });
});
