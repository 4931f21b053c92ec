import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../lib/csv/fields.ts';
import { mapHeaders } from '../../../lib/csv/headers.ts';
import { Account, KeyResult } from '../../../lib/schemas/entities.ts';

const ACCOUNT_FIELDS = fieldsOf(Account.omit({ updatedAt: true }));
const targets = (headers: string[], map?: Record<string, string | null>) => {
  const mapping = mapHeaders(headers, 'accounts', ACCOUNT_FIELDS, map);
  return {
    mapped: Object.fromEntries(mapping.columns.map((column) => [column.header, column.target])),
    ignored: mapping.ignoredColumns,
    problems: mapping.problems.map((problem) => problem.message),
  };
};

describe('account headers map by name', () => {
  it.each([
    ['Account ID', 'crm.salesforce'],
    ['Account Name', 'name'],
    ['Website', 'domain'],
    ['Annual Revenue', 'attr.annualRevenue'],
    ['Employees', 'attr.employees'],
    ['Account Owner', 'ownerId'],
    ['Type', 'attr.type'],
    ['Industry', 'attr.industry'],
    ['Billing Country', 'attr.country'],
    ['Record ID', 'crm.hubspot'],
    ['Company name', 'name'],
    ['Company Domain Name', 'domain'],
    ['Number of Employees', 'attr.employees'],
    ['Company owner', 'ownerId'],
    ['Country/Region', 'attr.country'],
    ['ARR', 'attr.arr'],
    ['account_name', 'name'],
    ['ACCOUNT-NAME', 'name'],
    ['renewal date', 'renewalDate'],
    ['ownerId', 'ownerId'],
    ['attr.Health Plan', 'attr.Health Plan'],
    ['crm.salesforce', 'crm.salesforce'],
    ['CRM.HubSpot.url', 'crm.hubspot.url'],
  ])('%j fills %j', (header, target) => {
    expect(targets([header]).mapped).toEqual({ [header]: target });
  });

  it('lists unknown headers as ignored, not as problems', () => {
    const result = targets(['Account Name', 'Phone', 'Last Activity', 'crm.nonsense']);
    expect(result.ignored).toEqual(['Phone', 'Last Activity', 'crm.nonsense']);
    expect(result.problems).toEqual([]);
  });

  it('keeps the better of two headers for one field and ignores the other', () => {
    const result = targets(['Website URL', 'Company Domain Name', 'domain']);
    expect(result.mapped).toEqual({ domain: 'domain' });
    expect(result.ignored).toEqual(['Website URL', 'Company Domain Name']);
  });

  it('lets a map override, leave out, and name unknown fields as problems', () => {
    const result = targets(['Annual Revenue', 'Account Name', 'Phone'], {
      'Annual Revenue': 'attr.arr',
      'account name': null,
      Phone: 'telephone',
      Missing: 'name',
    });
    expect(result.mapped).toEqual({ 'Annual Revenue': 'attr.arr' });
    expect(result.ignored).toEqual(['Account Name', 'Phone']);
    expect(result.problems).toEqual([
      'the map sends "Phone" to "telephone", which accounts do not have',
      'the map names a column "Missing" that the file does not have',
    ]);
  });
});

describe('nested fields are dotted columns', () => {
  it('reads key result scope and quick log as their own columns', () => {
    const fields = fieldsOf(KeyResult.omit({ updatedAt: true }));
    const mapping = mapHeaders(
      ['scope.accountIds', 'Tiers', 'quickLog.delta', 'Key Result'],
      'keyResults',
      fields,
    );
    expect(mapping.columns.map((column) => column.target)).toEqual([
      'scope.accountIds',
      'scope.tierIds',
      'quickLog.delta',
      'title',
    ]);
  });
});
