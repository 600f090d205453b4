// Shared set-up for the end-to-end tests: loopback servers over the repository (the
// built dist/ included), Debian's Chromium through playwright-core, and helpers.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { staticServer, listen } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESULTS = `${ROOT}test-results`;
export const TITLE_EN = '5th China–CEEC (Cangzhou) SME Cooperation Forum';
export const TITLE_ZH = '第五届中国—中东欧国家（沧州）中小企业合作论坛';

/**
 * The built files' names from dist/manifest.json: `loader` (forum-widget.js), `core` and
 * `wasm` (content-hashed).
 */
export function distNames() {
  const { loader, core, wasm } = JSON.parse(readFileSync(`${ROOT}dist/manifest.json`, 'utf8'));
  return { loader, core, wasm };
}

/**
 * Routes for the loader's faults, shared by the Chromium and cross-engine suites: the
 * built loader and glue beside a missing wasm (`/broken/`) and a damaged one
 * (`/corrupt/`), and partner pages for them (`/p/wasm-404`, `/p/wasm-corrupt`), for a
 * browser without WebAssembly (`/p/no-wasm`, the test removes it) and for a CSP without
 * 'wasm-unsafe-eval' (`/p/csp-no-wasm`). `page` and `host` are the suite's own.
 */
export function loaderFaultRoutes(page, host) {
  const names = distNames();
  const dist = (file) => async (req, res) => res.writeHead(200, {
    'Content-Type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
  }).end(await readFile(`${ROOT}dist/${file}`));
  return {
    '/broken/forum-widget.js': dist('forum-widget.js'),
    [`/broken/${names.core}`]: dist(names.core),
    [`/broken/${names.wasm}`]: (req, res) => res.writeHead(404).end('missing'),
    '/corrupt/forum-widget.js': dist('forum-widget.js'),
    [`/corrupt/${names.core}`]: dist(names.core),
    [`/corrupt/${names.wasm}`]: (req, res) => res.writeHead(200, { 'Content-Type': 'application/wasm' }).end(Buffer.from('\0asm\x01\0\0\0garbage garbage')),
    '/p/wasm-404': page(`${host}<script src="/broken/forum-widget.js" async></script>`),
    '/p/wasm-corrupt': page(`${host}<script src="/corrupt/forum-widget.js" async></script>`),
    '/p/no-wasm': page(`${host}<script src="/dist/forum-widget.js" async></script>`),
    '/p/csp-no-wasm': page(`${host}<script src="/dist/forum-widget.js" async></script>`, '',
      { 'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src data:" }),
  };
}

/** A route handler answering a plain partner page with `body` (and `head`). */
export function page(body, head = '', headers = {}) {
  return (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Partner</title>${head}</head><body>${body}</body></html>`);
  };
}

export function json(body, status = 200) {
  return (req, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
}

/**
 * Starts the servers and the browser. `routes` may be a function of the harness (to
 * name the cross-origin server's address). Call `close()` at the end.
 */
export async function start(routes = {}) {
  await mkdir(RESULTS, { recursive: true });
  const table = {};
  const main = staticServer({ root: ROOT, routes: table });
  const cross = staticServer({ root: ROOT, cors: true });
  const h = { base: await listen(main), crossBase: await listen(cross) };
  Object.assign(table, typeof routes === 'function' ? routes(h) : routes);
  h.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  });
  h.close = async () => {
    await h.browser.close();
    main.close();
    cross.close();
  };

  /** A new page that records console errors and uncaught page errors. */
  h.newPage = async (options = {}) => {
    const p = await h.browser.newPage(options);
    p.consoleErrors = [];
    p.on('console', (msg) => { if (msg.type() === 'error') p.consoleErrors.push(msg.text()); });
    p.on('pageerror', (err) => p.consoleErrors.push(String(err)));
    return p;
  };

  /** Opens `path` and waits until `count` widgets show their title or an error. */
  h.open = async (path, { count = 1, viewport = { width: 1024, height: 900 }, ...options } = {}) => {
    const p = await h.newPage({ viewport, ...options });
    await p.goto(h.base + path);
    await waitForWidgets(p, count);
    return p;
  };
  return h;
}

export function waitForWidgets(p, count = 1) {
  return p.waitForFunction(
    (n) => {
      const hosts = [...document.querySelectorAll('forum-widget')];
      return hosts.length === n && hosts.every((h) => h.shadowRoot?.querySelector('.title, .error'));
    },
    count,
    { timeout: 15000 },
  );
}

export const texts = (p, selector) => p.locator(`forum-widget ${selector}`).allTextContents();

export const wasmFetches = (p) =>
  p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
