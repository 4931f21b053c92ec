import { html } from 'hono/html';

/**
 * The few pages a person may see during sign-in, in the sign-in window or a tab. Interpolated values
 * are escaped by `html`; nothing from the request is trusted as markup.
 */
/** Text, or markup built with `html` (escaped the same way). */
type Content = string | ReturnType<typeof html>;

export function page(title: string, message: Content, detail?: string) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${title} · Goal Lens</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1d1f; }
      h1 { font-size: 1.4rem; }
      p.detail { color: #555; font-size: 0.9rem; }
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>${message}</p>
      ${detail ? html`<p class="detail">${detail}</p>` : ''}
    </main>
  </body>
</html>`;
}
