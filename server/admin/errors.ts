import type { ItemProblem } from '../../lib/schemas/index.ts';

/** A batch had bad items; every one of them is in `details` and nothing was written. */
export class AdminValidationError extends Error {
  constructor(readonly details: ItemProblem[]) {
    const first = details[0];
    super(
      `${details.length} problem(s) in the batch, nothing was written; first: item ${first?.index}, ${first?.path}: ${first?.message}`,
    );
    this.name = 'AdminValidationError';
  }
}
