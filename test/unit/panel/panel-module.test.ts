import { afterEach, expect, test } from 'vitest';
import {
  type PanelModule,
  panelModuleRegistered,
  registeredPanelModule,
  registerPanelModule,
} from '../../../lib/panel/panel-module.ts';

const moduleNamed = (name: string): PanelModule => ({
  mount: () => ({ remove: () => name }),
});

afterEach(() => {
  // The panel script hands itself over through one global: each test starts without it.
  for (const key of [Symbol.for('goal-lens.panel'), Symbol.for('goal-lens.panel-waiters')]) {
    delete (globalThis as Record<symbol, unknown>)[key];
  }
});

test('a content script waiting for the panel gets it the moment the panel script registers', async () => {
  const first = panelModuleRegistered();
  const second = panelModuleRegistered();
  const module = moduleNamed('panel');
  registerPanelModule(module);
  expect(await first).toBe(module);
  expect(await second).toBe(module);
});

test('a panel registered before anyone waits is handed over at once', async () => {
  const module = moduleNamed('panel');
  registerPanelModule(module);
  expect(await panelModuleRegistered()).toBe(module);
  expect(registeredPanelModule()).toBe(module);
});

test('a later injection replaces the registered panel', async () => {
  registerPanelModule(moduleNamed('old'));
  const updated = moduleNamed('new');
  registerPanelModule(updated);
  expect(await panelModuleRegistered()).toBe(updated);
});
