import { describe, expect, it } from 'vitest';
import { deviceName } from '../../../server/sessions/device-name.ts';

const UA = {
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
  chromeOs:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  operaWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
};

describe('deviceName', () => {
  it.each([
    [UA.chromeMac, undefined, 'Chrome on macOS'],
    [UA.edgeWindows, undefined, 'Edge on Windows'],
    [UA.firefoxLinux, undefined, 'Firefox on Linux'],
    [UA.firefoxAndroid, undefined, 'Firefox on Android'],
    [UA.chromeOs, undefined, 'Chrome on ChromeOS'],
    [UA.safariMac, undefined, 'Safari on macOS'],
    [UA.operaWindows, undefined, 'Opera on Windows'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      undefined,
      'Chrome on Linux',
    ],
    ['curl/8.5.0', undefined, 'Unknown device'],
    [undefined, undefined, 'Unknown device'],
    [UA.chromeMac, '  Work   laptop ', 'Work laptop'],
    [UA.chromeMac, '   ', 'Chrome on macOS'],
    [UA.chromeMac, 'x'.repeat(300), 'x'.repeat(100)],
  ])('%s (asked: %s) → %s', (userAgent, requested, expected) => {
    expect(deviceName(userAgent, requested)).toBe(expected);
  });
});
