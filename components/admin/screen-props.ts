import type { User } from '@/lib/schemas/index.ts';
import type { AdminClient } from './admin-client.ts';

/** What every workspace screen gets: the admin API, and the admin using it. */
export interface ScreenProps {
  client: AdminClient;
  me: User;
}
