import type { StorageChoice } from '../db/types.ts';

const DEFAULT_DATA_DIR = '.goal-lens-data';

/** Bad command-line usage: reported with the usage text and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface StorageFlags {
  data?: string | undefined;
  memory?: boolean | undefined;
}

/**
 * DATABASE_URL wins (that is how deployments configure it); otherwise --memory, otherwise --data,
 * defaulting to a folder in the working directory.
 */
export function resolveStorage(
  env: NodeJS.ProcessEnv,
  flags: StorageFlags,
  allowMemory: boolean,
  warn: (message: string) => void,
): StorageChoice {
  if (flags.memory && flags.data !== undefined)
    throw new UsageError('use either --data or --memory, not both');
  if (flags.memory && !allowMemory) throw new UsageError('--memory only makes sense for start');
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('DATABASE_URL must start with postgres://');
    if (flags.memory || flags.data !== undefined) warn('DATABASE_URL is set, so --data/--memory is ignored');
    return { kind: 'postgres', url };
  }
  if (flags.memory) return { kind: 'memory' };
  return { kind: 'dir', dir: flags.data ?? DEFAULT_DATA_DIR };
}

/** For log lines: never prints the Postgres password. */
export function describeStorage(choice: StorageChoice): string {
  switch (choice.kind) {
    case 'postgres': {
      const url = new URL(choice.url);
      return `Postgres at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    }
    case 'memory':
      return 'memory (data is lost on exit)';
    case 'dir':
      return `embedded Postgres in ${choice.dir}`;
  }
}
