/**
 * The URL when it is a well-formed https one, else null. The CRMs are only served over https;
 * anything else is a look-alike or a local file.
 */
export function parseHttpsUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}
