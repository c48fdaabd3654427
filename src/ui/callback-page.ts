/** The words of the page (the catalogue's `signIn.callbackPage`). */
export interface CallbackPageText {
  title: string;
  successHeading: string;
  successBody: string;
  failureHeading: string;
  close: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page the browser shows at the end of a PKCE sign-in, in the user's language. */
export function renderCallbackPage(page: CallbackPageText, lang: string, outcome: { ok: true } | { ok: false; reason: string }): string {
  const [heading, body] = outcome.ok ? [page.successHeading, page.successBody] : [page.failureHeading, outcome.reason];
  return [
    '<!DOCTYPE html>',
    `<html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${escape(page.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#16191f}',
    `h1{font-size:1.5rem;color:${outcome.ok ? '#037f0c' : '#d91515'}}</style></head>`,
    `<body><h1 id="result" data-ok="${outcome.ok}">${escape(heading)}</h1>`,
    `<p id="detail">${escape(body)}</p><p>${escape(page.close)}</p></body></html>`,
    '',
  ].join('\n');
}
