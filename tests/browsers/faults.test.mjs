// In every engine: a strict Content-Security-Policy, data-src errors, and loader faults
// (wasm missing, damaged, blocked by CSP, no WebAssembly), each with its own message, one
// console error, and the host page still working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, page, json, ROOT, TITLE_EN, loaderFaultRoutes } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
// hook.js makes it answer a click with 'clicked' (an inline handler would break the CSP pages).
const HOST = '<button id="host-button" type="button">Host button</button>';
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const widget = (src) => `${HOST}<forum-widget src="${src}"></forum-widget>${LOADER}`;

let h;
before(async () => {
  const event = await readFile(`${ROOT}tests/fixtures/small-event.json`, 'utf8');
  h = await start({
    '/p/csp': page(`<forum-widget view="speakers"></forum-widget>${LOADER}`, '', { 'Content-Security-Policy': CSP }),
    '/p/csp-src': page(`<forum-widget src="/tests/fixtures/small-event.json"></forum-widget>${LOADER}`, '', { 'Content-Security-Policy': CSP }),
    '/p/missing': page(widget('/f/missing.json')),
    '/p/500': page(widget('/f/500')),
    '/p/not-json': page(widget('/f/not-json')),
    '/p/bad-event': page(widget('/f/bad-event')),
    '/p/html': page(widget('/f/html')),
    '/f/500': (req, res) => res.writeHead(500).end('boom'),
    '/f/not-json': json('{"version": 1, "id": oops}'),
    '/f/bad-event': (req, res) => {
      const e = JSON.parse(event);
      delete e.people[0].name;
      json(JSON.stringify(e))(req, res);
    },
    '/f/html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><p>Not found</p>'),
    ...loaderFaultRoutes(page, HOST),
  });
  await h.viewport(1024, 900);
});
after(() => h?.close());

test('strict CSP: renders with zero policy violations, built-in event and data-src', async () => {
  for (const [path, title] of [['/p/csp', TITLE_EN], ['/p/csp-src', 'Test Summit on Ports']]) {
    await h.open(path);
    assert.equal(await h.text('.title'), title);
    // Let anything late (fonts, images) be reported.
    await h.run(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))));
    assert.deepEqual(await h.run(() => window.__violations), [], path);
    assert.deepEqual(await h.errors(), [], path);
    const font = await h.run(() => getComputedStyle(document.querySelector('forum-widget').shadowRoot.querySelector('.fw')).fontFamily);
    assert.match(font, /system-ui/, `${path}: the adopted stylesheet applies under the CSP`);
  }
  await h.screenshot('csp');
});

async function assertFault(path, ...patterns) {
  await h.goto(path);
  await h.until(() => document.querySelector('forum-widget')?.shadowRoot?.querySelector('.error, .fw-loader-message:not(.fw-loading)'), [], 20000, path);
  const text = await h.run(() => document.querySelector('forum-widget').shadowRoot.textContent);
  for (const pattern of patterns) assert.match(text, pattern, `${path}: ${JSON.stringify(await h.errors())}`);
  const errors = await h.widgetErrors();
  assert.equal(errors.length, 1, `${path}: one console error: ${JSON.stringify(await h.errors())}`);
  const button = await h.run(() => document.getElementById('host-button'));
  await button.click();
  assert.equal(await button.getText(), 'clicked', `${path}: the host page keeps working`);
  return { text, error: errors[0] };
}

test('data-src errors: HTTP status, invalid JSON, invalid event, wrong type', async () => {
  const { text } = await assertFault('/p/missing', /^The event could not be shown/, new RegExp(`${h.base}/f/missing\\.json returned HTTP 404`));
  await assertFault('/p/500', /returned HTTP 500/);
  await assertFault('/p/not-json', /\/f\/not-json is not a valid event file/, /invalid JSON at line 1, column \d+/);
  await assertFault('/p/bad-event', /\/f\/bad-event is not a valid event file: people\[0\]\.name: missing/);
  await assertFault('/p/html', /is served as text\/html; charset=utf-8, not as JSON/);
  assert.ok(text.length > 0);
  await h.screenshot('error-404', await h.run(() => document.querySelector('forum-widget')));
});

test('loader faults: wasm 404, damaged wasm, no WebAssembly, no constructed stylesheets, CSP without wasm-unsafe-eval', async () => {
  let r = await assertFault('/p/wasm-404', /could not be loaded: the widget files could not be fetched/, /Read about the event at its source/);
  assert.match(r.error, /must be served beside/);
  await h.screenshot('loader-wasm-404', await h.run(() => document.querySelector('forum-widget')));
  r = await assertFault('/p/wasm-corrupt', /could not be loaded: forum-widget\.[0-9a-f]{10}\.wasm is damaged/);
  assert.match(r.error, /Upload dist\/ again/);
  r = await assertFault('/p/no-wasm?nowasm', /does not support WebAssembly/);
  assert.match(r.error, /current browser/);
  r = await assertFault('/p/no-wasm?noadopt', /could not be loaded: this browser version is too old for it/, /Read about the event at its source/);
  assert.match(r.error, /constructed stylesheets: Chrome 73, Firefox 101, Safari 16\.4/);
  assert.equal(await h.run(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 0, 'no wasm fetched for nothing');
  await h.screenshot('loader-old-browser', await h.run(() => document.querySelector('forum-widget')));
  r = await assertFault('/p/csp-no-wasm', /Content-Security-Policy does not allow WebAssembly/);
  assert.match(r.error, /wasm-unsafe-eval/);
  const href = await h.run(() => document.querySelector('forum-widget').shadowRoot.querySelector('.fw-loader-message a').href);
  assert.match(href, /^https:\/\/www\.miit\.gov\.cn\//);
});
