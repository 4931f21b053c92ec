import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { DataTable, VIRTUAL_FROM } from '../../../components/table/DataTable.tsx';

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Row ${i}` }));

function render(n: number): string {
  return renderToStaticMarkup(
    createElement(DataTable<{ id: string; name: string }>, {
      caption: 'Things',
      columns: [
        { header: 'Name', rowHeader: true, cell: (row) => row.name },
        { header: 'Id', cell: (row) => row.id },
      ],
      rows: rowsOf(n),
      rowKey: (row) => row.id,
    }),
  );
}

const dataRows = (html: string) => html.match(/<tr[^>]*aria-rowindex="\d+"[^>]*>(?!<th scope="col")/g) ?? [];

test.each([1, VIRTUAL_FROM])('%i rows: a plain table with every row, named by its caption', (n) => {
  const html = render(n);
  expect(html).toContain('<caption>Things</caption>');
  expect(html.match(/<th scope="row">/g)).toHaveLength(n);
  expect(html).not.toContain('aria-rowcount');
  expect(html).not.toContain('tabindex');
});

test.each([VIRTUAL_FROM + 1, 50_000])(
  '%i rows: a keyboard-scrollable region whose table counts every row but draws few',
  (n) => {
    const html = render(n);
    expect(html).toMatch(new RegExp(`<section aria-label="Things: ${n} rows, scrollable" tabindex="0"`));
    expect(html).toContain(`aria-rowcount="${n + 1}"`);
    expect(html).toContain('<th scope="col">Name</th>');
    expect(dataRows(html).length).toBeLessThan(40);
  },
);
