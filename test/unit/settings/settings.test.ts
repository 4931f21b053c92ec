import { describe, expect, test } from 'vitest';
import { normaliseBackendUrl } from '../../../lib/settings/settings.ts';
import { backoffDelayMs } from '../../../lib/sync/backoff.ts';

describe('normaliseBackendUrl', () => {
  test.each([
    ['https://goals.example.com', 'https://goals.example.com'],
    ['  https://goals.example.com/  ', 'https://goals.example.com'],
    ['https://goals.example.com/api/', 'https://goals.example.com/api'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('%s → %s', (input, output) => {
    expect(normaliseBackendUrl(input)).toBe(output);
  });

  test.each([
    ['', /Enter the backend URL/],
    ['goals.example.com', /not a URL/],
    ['http://goals.example.com', /must start with https/],
    ['ftp://goals.example.com', /must start with https/],
    ['javascript:alert(1)', /must start with https/],
    ['https://user:pw@goals.example.com', /credentials/],
    ['https://goals.example.com/?x=1', /query/],
  ])('%s is refused', (input, message) => {
    expect(() => normaliseBackendUrl(input)).toThrow(message);
  });
});

describe('backoffDelayMs', () => {
  test.each([
    { failures: 1, random: 0, expected: 15_000 },
    { failures: 1, random: 1, expected: 30_000 },
    { failures: 3, random: 0.5, expected: 90_000 },
    { failures: 20, random: 1, expected: 1_800_000 },
    { failures: 1, random: 0, retryAfter: 120_000, expected: 120_000 },
  ])('failure $failures, random $random → $expected ms', ({ failures, random, retryAfter, expected }) => {
    expect(backoffDelayMs(failures, random, retryAfter)).toBe(expected);
  });
});
