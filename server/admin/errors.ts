/** One problem with one item of an admin batch: `path` is the field inside the item, e.g. `scope.tierIds[0]`. */
export interface ItemProblem {
  index: number;
  path: string;
  message: string;
}

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
