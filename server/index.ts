/** The reference backend for in-process use: tests, the demo script and end-to-end runs. */
export { createApp } from './app.ts';
export { createToken } from './auth/tokens.ts';
export { openDb } from './db/open.ts';
export type { Db } from './db/types.ts';
export { pruneTombstones } from './feed/prune.ts';
export { importSnapshot } from './import.ts';
export { DEMO_AS_OF, DEMO_QUARTER, demoSnapshot } from './seed/demo.ts';
export { SHOWCASE } from './seed/showcase.ts';
export { type RunningServer, startServer } from './start.ts';
export { deleteEntities } from './store/delete.ts';
export { putEntities } from './store/put.ts';
