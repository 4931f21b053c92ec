/**
 * How an account's website and name compare between a CRM page and Goal Lens. Shared by the content
 * script (which reads the page) and the background (which indexes accounts), so both sides agree.
 */

/** Longer than any DNS name (253) plus a scheme and a path someone pasted into the field. */
const MAX_WEBSITE_INPUT = 2000;
export const MAX_DOMAIN_LENGTH = 253;
export const MAX_NAME_LENGTH = 200;

// A hostname after `URL` parsed it: labels of letters, digits and hyphens, at least one dot.
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The registrable host a website field points at, as Goal Lens stores it: no scheme, no `www.`, no
 * path, query or port, lower case, international names in punycode (`bücher.example` →
 * `xn--bcher-kva.example`). Null for anything that is not a public host name (IPs, `localhost`, text).
 */
export function normaliseDomain(input: string): string | null {
  const text = input.trim();
  // Spaces mean prose; an `@` means an address or credentials (`evil.example:x@acme.com`), not a website.
  if (text === '' || text.length > MAX_WEBSITE_INPUT || /[\s@]/u.test(text)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let host: string;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    host = url.hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/u, '').replace(/^www\d*\./u, '');
  return HOSTNAME.test(host) && !IPV4.test(host) ? host : null;
}

/**
 * The name as it is compared: Unicode-normalised, spaces collapsed, trimmed, case folded. "Exact name"
 * means equal after this and nothing more: "Acme Inc." and "Acme, Inc." are different names, so a
 * near miss never picks someone else's account.
 */
export function normaliseName(input: string): string | null {
  const name = input.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
  return name === '' || name.length > MAX_NAME_LENGTH ? null : name;
}
