import { parseArgs } from 'node:util';
import { createToken, UnknownUserError } from './auth/tokens.ts';
import { runCsvImport } from './cli/csv-import.ts';
import { runDeactivate } from './cli/deactivate.ts';
import { describeRateLimit, resolveRateLimit } from './cli/rate-limit.ts';
import { describeSignIn, resolvePublicUrl, resolveSignIn, SIGN_IN_OPTIONS } from './cli/signin.ts';
import { describeStorage, resolveStorage, type StorageFlags, UsageError } from './cli/storage.ts';
import { openDb } from './db/open.ts';
import type { Db } from './db/types.ts';
import { pruneTombstones } from './feed/prune.ts';
import { importSnapshot, loadSnapshotFile, SnapshotInvalidError } from './import.ts';
import { createScimToken } from './scim/tokens.ts';
import { SHOWCASE } from './seed/showcase.ts';
import { createInvitation, invitationLink } from './signin/invitations.ts';
import { startServer } from './start.ts';

const USAGE = `Usage: npm run server -- <command> [options]

Commands:
  start [--port 8787] [--host 127.0.0.1] [--data <dir> | --memory] [--seed demo]
        [--rate-limit 1200] [--rate-window 60] [--public-url <url>] [--redirect-uri <uri>]...
        [--oidc-issuer <url> --oidc-client-id <id> --oidc-client-secret <secret>]
  import <file.json> [--data <dir>]
  import <file.csv> --collection <name> [--map '<json>'] [--dry-run] [--data <dir>]
  token create --email <email> [--data <dir>]
  invite --email <email> [--public-url <url>] [--data <dir>]
  deactivate --email <email> [--data <dir>]
  scim-token create [--data <dir>]
  prune-tombstones --older-than <days> [--data <dir>]

Storage: DATABASE_URL=postgres://... uses that Postgres server. Otherwise data lives in embedded
Postgres in --data <dir> (default .goal-lens-data), or only in memory with start --memory.

Rate limit: each API token may make --rate-limit requests per --rate-window seconds on each
instance (GOAL_LENS_RATE_LIMIT, GOAL_LENS_RATE_WINDOW); --rate-limit 0 switches it off.

Signing in: --redirect-uri lists the extension's exact redirect URLs (GOAL_LENS_REDIRECT_URIS,
space- or comma-separated); --public-url is the backend's address as browsers reach it
(GOAL_LENS_PUBLIC_URL); the --oidc-* flags (GOAL_LENS_OIDC_ISSUER, GOAL_LENS_OIDC_CLIENT_ID,
GOAL_LENS_OIDC_CLIENT_SECRET) sign people in with the company's identity provider.`;

/** Problems printed before "... and N more": enough to fix a pattern, not a wall of text. */
const MAX_PROBLEMS = 50;

/** parseArgs's own messages ("Unknown option '--x'") are good; they just need to count as usage errors. */
function parse<T>(parseFn: () => T): T {
  try {
    return parseFn();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const DATA = { type: 'string' } as const;

async function withDb<T>(flags: StorageFlags, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(resolveStorage(process.env, flags, false, console.warn));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function start(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        data: DATA,
        memory: { type: 'boolean' },
        seed: { type: 'string' },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        ...SIGN_IN_OPTIONS,
      },
    }),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const signIn = resolveSignIn(process.env, values);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  if (values.seed !== undefined && values.seed !== 'demo') throw new UsageError('--seed only knows "demo"');
  const storage = resolveStorage(process.env, values, true, console.warn);
  const rateLimit = resolveRateLimit(process.env, values);
  const server = await startServer({
    port,
    hostname: values.host,
    storage,
    rateLimit,
    signIn,
    ...(values.seed === 'demo' ? { seed: 'demo' as const } : {}),
  });
  console.log(
    `Goal Lens backend listening on ${server.url} (storage: ${describeStorage(storage)}; rate limit: ${describeRateLimit(rateLimit)}; sign-in: ${describeSignIn(signIn)})`,
  );
  if (values.seed === 'demo') {
    console.log('Demo data loaded. Tokens for the showcase users (shown once):');
    for (const user of Object.values(SHOWCASE.users)) {
      console.log(
        `  ${user.role.padEnd(4)} ${user.email.padEnd(28)} ${await createToken(server.db, user.email)}`,
      );
    }
  }
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: DATA,
        collection: { type: 'string' },
        map: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    }),
  );
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) throw new UsageError('import takes exactly one file');
  if (values.collection !== undefined || file.toLowerCase().endsWith('.csv')) {
    process.exitCode = await runCsvImport(file, values, (fn) => withDb(values, fn));
    return;
  }
  if (values.map !== undefined || values['dry-run'])
    throw new UsageError('--map and --dry-run are for CSV imports');
  const snapshot = await loadSnapshotFile(file);
  const summary = await withDb(values, (db) => importSnapshot(db, snapshot));
  for (const [collection, { received, changed }] of Object.entries(summary.counts)) {
    console.log(`${collection.padEnd(18)} ${String(received).padStart(7)} rows, ${changed} new or changed`);
  }
  if (summary.createdTeams.length > 0) {
    console.log(
      `Created ${summary.createdTeams.length} team(s) that users name but the file does not list, each named by its id: ${summary.createdTeams.join(', ')}`,
    );
  }
  console.log(`Imported ${file} in ${(summary.ms / 1000).toFixed(1)} s.`);
}

async function token(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({ args, allowPositionals: true, options: { data: DATA, email: { type: 'string' } } }),
  );
  if (positionals[0] !== 'create' || positionals.length > 1)
    throw new UsageError('usage: token create --email <email>');
  const email = values.email;
  if (!email) throw new UsageError('token create needs --email <email>');
  const created = await withDb(values, (db) => createToken(db, email));
  console.log(`New API token for ${email}. It is shown only this once; paste it into Goal Lens now:`);
  console.log(created);
}

async function invite(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { data: DATA, email: { type: 'string' }, 'public-url': SIGN_IN_OPTIONS['public-url'] },
    }),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const email = values.email;
  if (!email) throw new UsageError('invite needs --email <email>');
  const publicUrl = resolvePublicUrl(process.env, values['public-url'], 'http://127.0.0.1:8787');
  const secret = await withDb(values, (db) => createInvitation(db, email));
  console.log(`Invitation for ${email}, valid once for 7 days. Open it in the browser that has Goal Lens:`);
  console.log(invitationLink(publicUrl ?? '', secret));
}

async function scimToken(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({ args, allowPositionals: true, options: { data: DATA } }),
  );
  if (positionals[0] !== 'create' || positionals.length > 1) throw new UsageError('usage: scim-token create');
  const created = await withDb(values, (db) => createScimToken(db));
  console.log(
    'New SCIM provisioning token for your identity provider (base URL <backend>/scim/v2). Shown once:',
  );
  console.log(created);
}

async function prune(args: string[]): Promise<void> {
  const { values, positionals } = parse(() =>
    parseArgs({ args, allowPositionals: true, options: { data: DATA, 'older-than': { type: 'string' } } }),
  );
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const days = Number(values['older-than']);
  if (values['older-than'] === undefined || !Number.isFinite(days) || days < 0) {
    throw new UsageError('prune-tombstones needs --older-than <days> (0 or more)');
  }
  const result = await withDb(values, (db) => pruneTombstones(db, days));
  console.log(
    `Pruned ${result.deleted} tombstone(s) older than ${days} day(s). Clients with an older cursor will resync.`,
  );
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  start,
  import: runImport,
  token,
  invite,
  deactivate: (args) => runDeactivate(args, withDb),
  'scim-token': scimToken,
  'prune-tombstones': prune,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command: ${command}`);
    await run(args);
    // A command that reports problems without throwing (a CSV with bad rows) sets the exit code.
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SnapshotInvalidError) {
      console.error(`Nothing was imported: ${error.problems.length} problem(s) in the snapshot.`);
      for (const problem of error.problems.slice(0, MAX_PROBLEMS)) console.error(`  ${problem}`);
      if (error.problems.length > MAX_PROBLEMS)
        console.error(`  ... and ${error.problems.length - MAX_PROBLEMS} more`);
      return 1;
    }
    if (error instanceof UnknownUserError) {
      console.error(`error: ${error.message}; import a snapshot containing that user first`);
      return 1;
    }
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
// `start` keeps running until a signal; every other command exits with its status.
if (code !== 0 || process.argv[2] !== 'start') process.exit(code);
