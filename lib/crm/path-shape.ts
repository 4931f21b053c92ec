// Query parameters that say which kind of page it is (Dynamics), never whose record.
const KEPT_PARAMS = new Set(['pagetype', 'etn']);
// A segment with a digit, or longer than a route name, is an id or a name: never reported.
const ROUTE_NAME = /^[a-z][a-z_.-]{0,30}$/i;

function shapeOf(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '' || ROUTE_NAME.test(segment) ? segment : ':id'))
    .join('/');
}

/**
 * The URL's shape with ids and names replaced by `:id`, for diagnostics: it says which kind of page
 * a selector failed on without carrying any customer data. Host, query values (but `pagetype` and
 * `etn`) and the fragment's parameters are dropped.
 */
export function urlShape(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  const params = new Map<string, string>();
  for (const [key, value] of parsed.searchParams) {
    const name = ROUTE_NAME.test(key) ? key.toLowerCase() : ':param';
    if (!params.has(name)) params.set(name, KEPT_PARAMS.has(name) ? `${name}=${shapeOf(value)}` : name);
  }
  const query = [...params.keys()].sort().map((name) => params.get(name));
  const fragment = parsed.hash.slice(1).split('?')[0] ?? '';
  return `${shapeOf(parsed.pathname)}${query.length > 0 ? `?${query.join('&')}` : ''}${fragment ? `#${shapeOf(fragment)}` : ''}`;
}
