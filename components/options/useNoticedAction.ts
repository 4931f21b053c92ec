import { useState } from 'react';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a user's action with the form busy, then shows what it answered, or why it failed, as the
 * notice. `work` starts before the first await, so a permission prompt in it still counts as the click.
 */
export function useNoticedAction() {
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<string>): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ kind: 'ok', text: await work() });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return { notice, setNotice, busy, act };
}
