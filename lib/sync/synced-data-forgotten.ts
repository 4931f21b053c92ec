import { AppError } from '../errors.ts';

/**
 * The synced data was forgotten while a sync was storing it (to make room for an outcome, or for
 * another user): what the sync holds in memory no longer matches the cache, so it must not write on.
 */
export class SyncedDataForgotten extends AppError {
  constructor() {
    super(
      'synced_data_forgotten',
      'The synced data was cleared while a sync was saving it; the next sync reads it again.',
    );
  }
}
