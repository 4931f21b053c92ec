import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { explainQuota, isQuotaExceeded, StorageFullError } from '../../../lib/cache/quota.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const circular: { name: string; inner?: unknown } = { name: 'AbortError' };
circular.inner = circular;

describe('isQuotaExceeded', () => {
  test.each([
    ['the DOMException IndexedDB throws', quota(), true],
    ["Firefox's legacy name", new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'), true],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('full', quota()), true],
    ['an aborted transaction caused by it', new Dexie.AbortError('Transaction aborted', quota()), true],
    [
      'nested twice',
      new Dexie.AbortError(
        'aborted',
        new Dexie.DatabaseClosedError('closed', new Dexie.QuotaExceededError(quota())),
      ),
      true,
    ],
    ['a bulk write with a refused row', new Dexie.BulkError('1 of 2 failed', { 1: quota() }), true],
    [
      'a plain object shaped like it (structured-clone copy)',
      { name: 'QuotaExceededError', message: 'x' },
      true,
    ],
    [
      'a bulk write refused for another reason',
      new Dexie.BulkError('1 failed', { 0: new Dexie.ConstraintError('dup') }),
      false,
    ],
    ['an aborted transaction for another reason', new Dexie.AbortError('aborted', new Error('boom')), false],
    ['a constraint error', new Dexie.ConstraintError('Key already exists'), false],
    ['another DOMException', new DOMException('gone', 'NotFoundError'), false],
    ['a TypeError', new TypeError('Failed to fetch'), false],
    ['a message that merely mentions it', new Error('QuotaExceededError happened elsewhere'), false],
    ['a cycle of wrappers', circular, false],
    ['null', null, false],
    ['a string', 'QuotaExceededError', false],
  ])('%s → %s', (_, error, expected) => {
    expect(isQuotaExceeded(error)).toBe(expected);
  });
});

describe('explainQuota', () => {
  test('says storage is full, and what that means', () => {
    const explained = explainQuota(new Dexie.AbortError('aborted', quota()), 'this outcome was NOT saved.');
    expect(explained).toBeInstanceOf(StorageFullError);
    expect(explained).toMatchObject({
      code: 'storage_full',
      message: 'Browser storage is full: this outcome was NOT saved.',
    });
  });

  test('leaves other errors alone', () => {
    const other = new TypeError('nope');
    expect(explainQuota(other, 'anything')).toBe(other);
  });
});
