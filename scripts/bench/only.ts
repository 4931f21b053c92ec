/**
 * `--only a,b` (or `--only=a,b`): the figures to measure; null when the flag is absent. An unknown
 * figure is an error that lists the known ones.
 */
export function parseOnly<Id extends string>(argv: readonly string[], known: readonly Id[]): Id[] | null {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at === -1) return null;
  const arg = argv[at] ?? '';
  const value = arg.startsWith('--only=') ? arg.slice('--only='.length) : argv[at + 1];
  if (!value || value.startsWith('--')) {
    throw new Error(`--only needs figure names, separated by commas: ${known.join(', ')}`);
  }
  const ids = value.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !known.includes(id as Id));
  if (unknown.length > 0) {
    throw new Error(`--only: unknown figure ${unknown.join(', ')}; known figures: ${known.join(', ')}`);
  }
  return ids as Id[];
}
