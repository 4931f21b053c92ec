import { createBackendClient } from '@/lib/backend/client.ts';
import type { CacheDb } from '@/lib/cache/db.ts';
import { AppError } from '@/lib/errors.ts';
import type { Handlers } from '@/lib/messages/router.ts';
import { normaliseBackendUrl } from '@/lib/settings/settings.ts';
import { loadEffectiveSettings } from '@/lib/settings/store.ts';

/** The options page's connection test, with what is typed there or else what is saved. */
export function createConnectionHandlers(db: CacheDb): Pick<Handlers, 'connection/test'> {
  return {
    async 'connection/test'(input) {
      const { settings: saved, locked } = await loadEffectiveSettings(db);
      const backendUrl =
        input.backendUrl && !locked.includes('backendUrl')
          ? normaliseBackendUrl(input.backendUrl)
          : saved.backendUrl;
      const token = (!locked.includes('token') && input.token?.trim()) || saved.token;
      if (!backendUrl) throw new AppError('invalid_backend_url', 'Enter the backend URL first.');
      if (!token) throw new AppError('missing_token', 'Enter your API token first.');
      return createBackendClient(backendUrl, token).me();
    },
  };
}
