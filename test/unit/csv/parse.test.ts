import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/csv/parse.ts';

describe('CSV as people make it', () => {
  it.each([
    ['LF', 'id,name\na1,Acme\na2,Globex\n'],
    ['CRLF', 'id,name\r\na1,Acme\r\na2,Globex\r\n'],
    ['a BOM', '\ufeffid,name\r\na1,Acme\r\na2,Globex'],
    ['semicolons', 'id;name\na1;Acme\na2;Globex\n'],
    ['quotes everywhere', '"id","name"\n"a1","Acme"\n"a2","Globex"\n'],
    ['blank lines', 'id,name\n\na1,Acme\n,\na2,Globex\n\n'],
  ])('reads %s', (_, text) => {
    const parsed = parseCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.headers).toEqual(['id', 'name']);
    expect(parsed.records.map((record) => record.cells)).toEqual([
      ['a1', 'Acme'],
      ['a2', 'Globex'],
    ]);
  });

  it('keeps quoted separators and newlines, and numbers each record by the line it starts on', () => {
    const parsed = parseCsv(
      'id,name,note\r\na1,"Acme, Inc.","two\r\nlines"\r\na2,Globex,"three\nmore\nlines"\r\na3,Initech,\r\n',
    );
    expect(parsed.records).toEqual([
      { line: 2, cells: ['a1', 'Acme, Inc.', 'two\r\nlines'] },
      { line: 4, cells: ['a2', 'Globex', 'three\nmore\nlines'] },
      { line: 7, cells: ['a3', 'Initech', ''] },
    ]);
  });

  it('detects `;` from the header even when values hold commas', () => {
    const parsed = parseCsv('"Account Name";"ARR"\n"Acme, Inc.";"1.250.000,00"\n');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.records[0]?.cells).toEqual(['Acme, Inc.', '1.250.000,00']);
  });

  it("leaves out a Salesforce report's footer", () => {
    const parsed = parseCsv(
      '"Account Name","ARR"\n"Acme","10"\n"Globex",""\n\n\n"Grand Totals (2 records)"\n\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((record) => record.cells[0])).toEqual(['Acme', 'Globex']);
  });

  it('keeps one-cell rows that are data, not a footer', () => {
    const parsed = parseCsv('name,arr\nAcme,1\nGlobex\n');
    expect(parsed.records.map((record) => record.cells[0])).toEqual(['Acme', 'Globex']);
  });

  it.each([
    ['an unclosed quote', 'id,name\na1,Acme\na2,"Globex\na3,Initech\n', 3, 'a quoted value is never closed'],
    [
      'too many values',
      'id,name\na1,Acme,extra\n',
      2,
      'this line has 3 values but the header names 2 columns',
    ],
    ['an empty file', '', 1, 'the file is empty'],
    ['only a BOM and blank lines', '\ufeff\r\n\r\n', 1, 'the file is empty'],
  ])('names the line of %s', (_, text, line, message) => {
    const { problems } = parseCsv(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });
});
