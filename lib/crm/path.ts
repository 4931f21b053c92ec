/** Path segments without the leading and one trailing slash, so `/a/b/` and `/a/b` read the same. */
export function pathSegments(path: string): string[] {
  return path.replace(/^\/|\/$/g, '').split('/');
}
