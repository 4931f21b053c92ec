import { createRequire } from 'node:module';
import { cpus, loadavg, platform, release, totalmem, type } from 'node:os';

export interface Machine {
  os: string;
  cpus: { count: number; model: string };
  memoryGiB: number;
  /** 1-minute load averages: other work on the machine during the run skews every timing. */
  loadAverage: { atStart: number; atEnd: number };
  node: string;
  chromium: string;
  playwright: string;
}

/** What the figures were measured on: without it, a number says little. */
export function describeMachine(chromium: string, loadAtStart: number): Machine {
  const processors = cpus();
  const playwright = createRequire(import.meta.url)('@playwright/test/package.json') as { version: string };
  return {
    os: `${type()} ${release()} (${platform()})`,
    cpus: { count: processors.length, model: processors[0]?.model.trim() ?? 'unknown' },
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? Number.NaN },
    node: process.version,
    chromium,
    playwright: playwright.version,
  };
}
