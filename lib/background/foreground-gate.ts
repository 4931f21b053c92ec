/**
 * Lets the requests a person waits on (a CRM page's panel, a logged outcome) go before the passes
 * nobody waits on (checking every account of a big book). Both share one service worker thread and
 * one IndexedDB connection: a pass that reads its next chunk while a panel asks makes the panel's
 * reads queue behind the chunk's, so a pass asks `idle()` before each chunk instead.
 */
export interface ForegroundGate {
  /** Runs `work` as a foreground request: passes hold their next step until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Resolves once no foreground request is in flight and none has ended within `quietMs`, or after
   * `maxWaitMs` however busy the foreground stays, so a pass is slowed, never stopped.
   */
  idle(): Promise<void>;
}

interface GateTiming {
  /**
   * Foreground requests come in runs a few milliseconds apart (a logged outcome, then the panel's
   * answer again once the cache changed): the gate stays closed this long after the last one, so a
   * pass does not slip a chunk in between them.
   */
  quietMs: number;
  /** The longest a pass waits before each step. */
  maxWaitMs: number;
}

export const GATE_TIMING: GateTiming = { quietMs: 50, maxWaitMs: 500 };

export function createForegroundGate({ quietMs, maxWaitMs }: GateTiming = GATE_TIMING): ForegroundGate {
  let inFlight = 0;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const waiters = new Set<() => void>();

  function end() {
    inFlight--;
    if (inFlight > 0) return;
    quiet = setTimeout(() => {
      quiet = undefined;
      for (const release of [...waiters]) release();
    }, quietMs);
  }

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      inFlight++;
      clearTimeout(quiet);
      quiet = undefined;
      try {
        return await work();
      } finally {
        end();
      }
    },
    idle(): Promise<void> {
      if (inFlight === 0 && quiet === undefined) return Promise.resolve();
      return new Promise((resolve) => {
        const release = () => {
          clearTimeout(timer);
          waiters.delete(release);
          resolve();
        };
        const timer = setTimeout(release, maxWaitMs);
        waiters.add(release);
      });
    },
  };
}

/** The service worker's one gate: its foreground requests and its passes must meet in the same one. */
export const foregroundGate = createForegroundGate();
