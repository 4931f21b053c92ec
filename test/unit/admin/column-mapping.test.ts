import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  type ColumnChoice,
  chooseTarget,
  columnMap,
  mappingProblems,
  targetOptions,
} from '../../../components/admin/imports/column-mapping.ts';
import { problemsCsv } from '../../../components/admin/imports/problems-csv.ts';

describe('the Imports page column mapping', () => {
  it.each([
    {
      what: 'Salesforce export names',
      headers: ['Account ID', 'Account Name', 'Annual Revenue', 'Favourite Colour'],
      targets: ['crm.salesforce', 'name', 'attr.annualRevenue', null],
    },
    { what: 'own names, any case', headers: ['ID', 'name', 'TIER id'], targets: ['id', 'name', 'tierId'] },
    {
      what: 'conventions',
      headers: ['attr.segment', 'crm.hubspot'],
      targets: ['attr.segment', 'crm.hubspot'],
    },
  ])('maps $what as the server would unasked', ({ headers, targets }) => {
    expect(autoMapping(headers, 'accounts').map((c) => c.target)).toEqual(targets);
  });

  it.each<{
    what: string;
    choices: ColumnChoice[];
    header: string;
    target: string | null;
    problems: string[];
  }>([
    {
      what: 'a column sent to a free field',
      choices: [
        { header: 'A', target: 'id' },
        { header: 'B', target: null },
      ],
      header: 'B',
      target: 'name',
      problems: [],
    },
    {
      what: 'a column sent to a field another fills',
      choices: [
        { header: 'A', target: 'id' },
        { header: 'B', target: null },
      ],
      header: 'B',
      target: 'id',
      problems: ['B'],
    },
    {
      what: 'a column left out that clashed',
      choices: [
        { header: 'A', target: 'id' },
        { header: 'B', target: 'id' },
      ],
      header: 'B',
      target: null,
      problems: [],
    },
  ])('edits: $what', ({ choices, header, target, problems }) => {
    const edited = chooseTarget(choices, header, target);
    expect(edited.find((c) => c.header === header)?.target).toBe(target);
    expect(edited).toHaveLength(choices.length);
    expect([...mappingProblems(edited).keys()]).toEqual(problems);
    expect(columnMap(edited)[header]).toBe(target);
  });

  it('offers each field, an attribute named for the column and every CRM, only where the collection has them', () => {
    const account = targetOptions('accounts', 'Region');
    expect(account).toEqual(expect.arrayContaining(['id', 'name', 'attr.Region', 'crm.salesforce.url']));
    const team = targetOptions('teams', 'Region');
    expect(team).toEqual(expect.arrayContaining(['id', 'name']));
    expect(team.some((t) => t.startsWith('attr.') || t.startsWith('crm.'))).toBe(false);
  });
});

describe('the problems as CSV', () => {
  it.each([
    { what: 'a cell problem', problem: { line: 3, column: 'ARR', message: 'not a number: "lots"' } },
    {
      what: 'a whole-line problem',
      problem: { line: 7, column: null, message: 'has 4 values, "quoted, too"' },
    },
    { what: 'a formula-looking message', problem: { line: 2, column: '=x', message: '=HYPERLINK()' } },
  ])('writes $what so that a spreadsheet reads it back as written', ({ problem }) => {
    const text = problemsCsv([problem]);
    const [header, row] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(header).toEqual(['line', 'column', 'message']);
    const unguard = (cell = '') => cell.replace(/^'(?=[=+@-])/, '');
    expect([Number(row?.[0]), unguard(row?.[1]) || null, unguard(row?.[2])]).toEqual([
      problem.line,
      problem.column,
      problem.message,
    ]);
  });
});
