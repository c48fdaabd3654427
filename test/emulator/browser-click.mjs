/**
 * A scripted person with a browser: opens the emulator's /device or /authorize page, finds
 * the approval form and clicks a button, following redirects as a browser would (so a PKCE
 * client's loopback callback receives the code). Used by approve-browser.mjs (BROWSER=…)
 * and by in-process tests.
 */

const TIMEOUT_MS = 15_000;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The attributes of one tag, e.g. `<input name="a" value="b">` → { name: 'a', value: 'b' }. */
function attributes(tag) {
  const found = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-\w:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    found[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return found;
}

/** Every <form> on the page with its action, method, fields and submit buttons. */
function forms(html) {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, formTag, inner]) => {
    const form = attributes(formTag);
    const fields = [...inner.matchAll(/<input\b([^>]*)>/gi)]
      .map(([, tag]) => attributes(tag))
      .filter((input) => input.name && !['submit', 'button', 'checkbox', 'radio'].includes((input.type ?? 'text').toLowerCase()));
    const buttons = [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map(([, tag, label]) => ({
      ...attributes(tag),
      label: decodeEntities(label.replace(/<[^>]*>/g, '')).trim(),
    }));
    return { action: form.action ?? '', method: (form.method ?? 'get').toLowerCase(), fields, buttons };
  });
}

/** The form holding a button labelled `label`, and that button. */
function findChoice(html, label) {
  for (const form of forms(html)) {
    const button = form.buttons.find((b) => b.label.toLowerCase() === label.toLowerCase());
    if (button) return { form, button };
  }
  return undefined;
}

const where = (url) => new URL(url).pathname;

/** Opens `pageUrl`, clicks the button labelled `label` and follows the redirects; throws on failure. */
export async function click(pageUrl, label) {
  const page = await fetch(pageUrl, { redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  const html = await page.text();
  if (!page.ok) throw new Error(`GET ${where(pageUrl)} answered ${page.status}`);
  const choice = findChoice(html, label);
  if (!choice) {
    if (page.redirected || /Request approved/i.test(html)) return; // approved already (autoApprove)
    throw new Error(`no "${label}" button on ${where(page.url)}`);
  }
  const { form, button } = choice;
  if (form.method !== 'post') throw new Error(`the form on ${where(page.url)} is not a POST form`);
  if (form.fields.some((field) => field.name === 'user_code' && !field.value)) {
    throw new Error(`${where(page.url)} has no user code filled in (open the verificationUriComplete URL)`);
  }
  const data = new URLSearchParams();
  for (const field of form.fields) data.append(field.name, field.value ?? '');
  if (button.name) data.append(button.name, button.value ?? '');
  const target = new URL(form.action || page.url, page.url);
  const result = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: data.toString(),
    redirect: 'follow',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await result.arrayBuffer();
  if (!result.ok) throw new Error(`POST ${target.pathname} ended at ${where(result.url)} with status ${result.status}`);
}

