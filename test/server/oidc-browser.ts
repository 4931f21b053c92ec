import type { createApp } from '../../server/app.ts';

type App = ReturnType<typeof createApp>;

/**
 * A scripted browser for the sign-in window: it follows redirects by hand, keeps the identity
 * provider's cookies, fills in the provider's login and consent forms, and sends requests for
 * `backendUrl` to the in-process app. It stops at the first response that is not a redirect, or at
 * a redirect to a URL outside both (the extension's redirect URL).
 */
export class SignInWindow {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: App,
    private readonly backendUrl: string,
    private readonly issuer: string,
    /** Stop at the provider's redirect to the backend's callback, to tamper with it. */
    private readonly stopAtCallback = false,
  ) {}

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    if (url.startsWith(this.backendUrl)) return this.app.request(url.slice(this.backendUrl.length), init);
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }

  /** Follows redirects from `url`; returns the final response and the URL it came from. */
  async open(url: string, init?: RequestInit): Promise<{ response: Response; url: string }> {
    let current = url;
    let response = await this.request(current, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('Location');
      if (response.status < 300 || response.status >= 400 || location === null) break;
      const next = new URL(location, current).toString();
      const elsewhere = !next.startsWith(this.backendUrl) && !next.startsWith(this.issuer);
      if (elsewhere || (this.stopAtCallback && next.startsWith(`${this.backendUrl}/auth/callback`))) {
        return { response, url: current };
      }
      current = next;
      response = await this.request(current);
    }
    return { response, url: current };
  }

  /** Signs in at the provider as `login` and consents; returns where the provider finally sent the window. */
  async signIn(authorizePath: string, login: string): Promise<{ response: Response; url: string }> {
    let step = await this.open(this.backendUrl + authorizePath);
    for (const prompt of ['login', 'consent']) {
      if (!step.url.includes('/interaction/')) return step;
      step = await this.open(step.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt, login, password: 'any' }),
      });
    }
    return step;
  }
}
