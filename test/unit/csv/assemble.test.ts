import { describe, expect, it } from 'vitest';
import { assemble } from '../../../lib/csv/assemble.ts';
import { fieldsOf } from '../../../lib/csv/fields.ts';
import { Account, KeyResult } from '../../../lib/schemas/entities.ts';

const ACCOUNT_FIELDS = fieldsOf(Account.omit({ updatedAt: true }));
const STORED = {
  id: 'a1',
  name: 'Acme',
  crmRefs: [
    { crm: 'hubspot', id: '7' },
    { crm: 'salesforce', id: '001Wj00000tQWvrIAG', url: 'https://x.example/1' },
  ],
  tierId: 't1',
  ownerId: 'u1',
  attributes: { arr: 10, segment: 'smb' },
};

/** Cells by target, each in a column named after its target. */
function row(cells: Record<string, unknown>) {
  const columns = Object.keys(cells).map((target, index) => ({ index, header: `[${target}]`, target }));
  return { values: new Map(Object.entries(cells)), columns };
}

describe('a row laid over what is stored', () => {
  it.each([
    ['a column sets its field', { name: 'Acme Inc.' }, { name: 'Acme Inc.' }],
    ['an empty cell clears an optional field', { ownerId: undefined }, { ownerId: undefined }],
    ['a field without a column keeps its value', {}, { ownerId: 'u1', tierId: 't1' }],
    [
      'an attribute column sets one attribute',
      { 'attr.arr': 20 },
      { attributes: { arr: 20, segment: 'smb' } },
    ],
    ['an empty attribute cell removes it', { 'attr.segment': undefined }, { attributes: { arr: 10 } }],
    [
      'a CRM column replaces that CRM’s record only, keeping its link',
      { 'crm.salesforce': '001Wj00000tiSsBIAU' },
      {
        crmRefs: [
          { crm: 'hubspot', id: '7' },
          { crm: 'salesforce', id: '001Wj00000tiSsBIAU', url: 'https://x.example/1' },
        ],
      },
    ],
    ['an empty CRM cell removes that record', { 'crm.hubspot': undefined }, { crmRefs: [STORED.crmRefs[1]] }],
    [
      'a new CRM gets a record',
      { 'crm.zoho': '99', 'crm.zoho.url': 'https://crm.zoho.example/99' },
      { crmRefs: [...STORED.crmRefs, { crm: 'zoho', id: '99', url: 'https://crm.zoho.example/99' }] },
    ],
  ])('%s', (_, cells, expected) => {
    const { values, columns } = row(cells);
    const { item } = assemble(structuredClone(STORED), values, columns, ACCOUNT_FIELDS);
    expect(item).toMatchObject(
      Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)),
    );
    for (const [key, value] of Object.entries(expected))
      if (value === undefined) expect(item).not.toHaveProperty(key);
  });

  it('names the column a problem path came from', () => {
    const { values, columns } = row({ 'crm.salesforce': 'x', 'attr.arr': 1, name: 'n' });
    const { columnOf } = assemble(structuredClone(STORED), values, columns, ACCOUNT_FIELDS);
    expect(columnOf(['crmRefs', 1, 'id'])).toBe('[crm.salesforce]');
    expect(columnOf(['attributes', 'arr'])).toBe('[attr.arr]');
    expect(columnOf(['name'])).toBe('[name]');
    expect(columnOf(['tierId'])).toBe('tierId');
  });

  it('drops an optional nested object whose every cell is empty', () => {
    const fields = fieldsOf(KeyResult.omit({ updatedAt: true }));
    const { values, columns } = row({ 'quickLog.label': undefined, 'quickLog.delta': undefined });
    const { item } = assemble({ id: 'k1', quickLog: { label: '+1', delta: 1 } }, values, columns, fields);
    expect(item).toEqual({ id: 'k1' });
  });
});
