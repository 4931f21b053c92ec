import { monitorEventLoopDelay } from 'node:perf_hooks';

const TICK_MS = 10;

export interface LoopStalls {
  /** Event-loop delay, wall clock: includes time the OS ran other processes instead of this one. */
  p99: number;
  max: number;
  /**
   * The longest stall counted in CPU time: for each late tick, the smaller of its wall-clock lateness
   * and the CPU time this process used meanwhile (all its threads, so never less than the loop's own
   * share). On a machine busy with other work a tick can be late with the process not running at
   * all; this is the part of a stall that was work holding the loop.
   */
  busyMax: number;
}

/**
 * Watches this process's event loop until the returned stop is called: the wall-clock delay
 * histogram, and beside it each tick's lateness against the CPU time used, to tell a loop held by
 * work from a process waiting for a core.
 */
export function watchLoopStalls(): () => LoopStalls {
  const delay = monitorEventLoopDelay({ resolution: TICK_MS });
  delay.enable();
  let busyMax = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const lateMs = now - last - TICK_MS;
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    busyMax = Math.max(busyMax, Math.min(lateMs, cpuMs));
    last = now;
    lastCpu = cpu;
  }, TICK_MS);
  return () => {
    clearInterval(timer);
    delay.disable();
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    return { p99: ms(delay.percentile(99)), max: ms(delay.max), busyMax: Math.round(busyMax * 10) / 10 };
  };
}
