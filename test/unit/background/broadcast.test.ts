import { expect, test } from 'vitest';
import { changedByOf, tabsToTell } from '../../../entrypoints/background/broadcast.ts';

const tabs = [{ id: 1 }, { id: 2 }, {}, { id: 3 }];

test('a click tells every other tab that the cache changed, not its own, whose panel asks again when answered', () => {
  const changedBy = changedByOf({ tab: { id: 2 }, frameId: 0 });
  expect(tabsToTell(tabs, changedBy)).toEqual([1, 3]);
});

test('a change from a frame the content script does not run in, or from no tab, is told to every tab', () => {
  expect(tabsToTell(tabs, changedByOf({ tab: { id: 2 }, frameId: 3 }))).toEqual([1, 2, 3]);
  expect(tabsToTell(tabs, changedByOf({ url: 'chrome-extension://x/options.html' }))).toEqual([1, 2, 3]);
  expect(tabsToTell(tabs)).toEqual([1, 2, 3]);
});
