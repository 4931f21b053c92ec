/** The reference backend for in-process use: tests, the demo script and end-to-end runs. */
export { type App, type AppOptions, createApp } from './app.ts';
export { createToken, UnknownUserError } from './auth/tokens.ts';
export { openDb } from './db/open.ts';
export type { Db, StorageChoice } from './db/types.ts';
export { type PruneResult, pruneTombstones } from './feed/prune.ts';
export { type ImportSummary, importSnapshot, loadSnapshotFile, SnapshotInvalidError } from './import.ts';
export { DEFAULT_RATE_LIMIT, type RateLimit } from './limit/token-bucket.ts';
export { DEMO_AS_OF, DEMO_QUARTER, demoSnapshot } from './seed/demo.ts';
export { SHOWCASE } from './seed/showcase.ts';
export { type RunningServer, type StartOptions, startServer } from './start.ts';
export { deleteEntities } from './store/delete.ts';
export { putEntities } from './store/put.ts';
