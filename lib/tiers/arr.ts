/** An account's ARR when it is a finite number: the one figure the book and the tier preview order by. */
export function arrOf(account: { attributes: Readonly<Record<string, unknown>> }): number | undefined {
  const arr = account.attributes.arr;
  return typeof arr === 'number' && Number.isFinite(arr) ? arr : undefined;
}
