import { describe, expect, test } from 'vitest';
import { cleanFieldValue, normaliseLabel, pickField } from '../../../lib/crm/page-fields.ts';

describe('normaliseLabel', () => {
  test.each([
    ['Customer Tier', 'customer tier'],
    ['  Customer   tier ', 'customer tier'],
    ['Customer Tier:', 'customer tier'],
    ['*Customer Tier', 'customer tier'],
    ['Customer Tier *', 'customer tier'],
    ['CUSTOMER\nTIER', 'customer tier'],
  ])('%j → %j', (label, normalised) => {
    expect(normaliseLabel(label)).toBe(normalised);
  });
});

describe('cleanFieldValue', () => {
  test.each<[string, string | null]>([
    ['Tier 1 Strategic', 'Tier 1 Strategic'],
    ['  Tier 1\n   Strategic  ', 'Tier 1 Strategic'],
    ['', null],
    ['   ', null],
    ['--', null],
    ['—', null],
    ['N/A', null],
    ['x'.repeat(200), 'x'.repeat(200)],
    ['x'.repeat(201), null],
  ])('%j → %j', (text, value) => {
    expect(cleanFieldValue(text)).toBe(value);
  });
});

describe('pickField', () => {
  // Label/value pairs in page order, as the Salesforce fixture's "Account Information" section shows them.
  const salesforceDetails: [string, string][] = [
    ['Account Owner', 'Priya Raman'],
    ['Phone', '(312) 555-0199'],
    ['Annual Revenue', '$12,300,000'],
    ['Customer Tier', 'Tier 1 Strategic'],
    ['Account Site', 'Chicago'],
  ];
  // A list that prints "--" for an empty field.
  const emptyTier: [string, string][] = [
    ['Company owner', 'Priya Raman'],
    ['Customer tier', '--'],
    ['City', 'Chicago'],
  ];

  test.each<[string, [string, string][], string, string | null]>([
    ['Salesforce, default label', salesforceDetails, 'Customer Tier', 'Tier 1 Strategic'],
    ['labels match whatever their case', emptyTier, 'customer TIER', null],
    ['another configured label', salesforceDetails, 'Account Site', 'Chicago'],
    ['a label the page does not show', salesforceDetails, 'Service Tier', null],
    ['an empty configured label matches nothing', [['', 'Tier 1']], '  ', null],
    [
      'the first field with the label wins',
      [
        ['Tier', 'A'],
        ['Tier', 'B'],
      ],
      'Tier',
      'A',
    ],
  ])('%s', (_name, pairs, label, value) => {
    expect(pickField(pairs, label)).toBe(value);
  });

  test('stops at the first match, so a huge page is not read further', () => {
    const seen: string[] = [];
    function* pairs(): Generator<[string, string]> {
      for (const pair of salesforceDetails) {
        seen.push(pair[0]);
        yield pair;
      }
    }
    expect(pickField(pairs(), 'Annual Revenue')).toBe('$12,300,000');
    expect(seen).toEqual(['Account Owner', 'Phone', 'Annual Revenue']);
  });
});
