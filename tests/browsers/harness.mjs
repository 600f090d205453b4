// Shared set-up for the cross-engine end-to-end tests: the same loopback servers as
// tests/e2e/, and one WebDriver client (selenium-webdriver) driving the engine named by
// ENGINE: chromium (Debian's Chromium + chromedriver), firefox (Firefox ESR +
// geckodriver) or webkit (WebKitGTK's MiniBrowser + WebKitWebDriver; needs DISPLAY, which
// tests/browsers/run.mjs gives it with an Xvfb of its own).
import { spawn, execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';
import { staticServer, listen } from '../../scripts/serve.mjs';
import { ROOT, page as plainPage, json, distNames, loaderFaultRoutes, TITLE_EN, TITLE_ZH } from '../e2e/harness.mjs';

export { ROOT, json, distNames, loaderFaultRoutes, TITLE_EN, TITLE_ZH };
export const ENGINE = process.env.ENGINE || 'chromium';
export const RESULTS = `${ROOT}test-results/${ENGINE}`;
const HOOK = '<script src="/__hook.js"></script>';

/**
 * A partner page, as in tests/e2e/, with the test hook first in its head: a plain script
 * from the page's own origin (so that it also runs under a strict CSP) that records
 * console errors, CSP violations and the files the widget offers for download.
 */
export const page = (body, head = '', headers = {}) => plainPage(body, HOOK + head, headers);

/** The MiniBrowser that libwebkit2gtk-4.1-0 ships (its path has the architecture in it). */
function miniBrowser() {
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const path = files.find((f) => /\/MiniBrowser$/.test(f));
  if (!path) throw new Error('MiniBrowser not found: apt-get install webkit2gtk-driver');
  return path;
}

function freePort() {
  return new Promise((done, fail) => {
    const s = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

/** The driver command and session capabilities of each engine. `dark` asks for prefers-color-scheme: dark. */
function engineSetup(port, { dark = false } = {}) {
  switch (ENGINE) {
    case 'chromium':
      return {
        command: ['chromedriver', [`--port=${port}`]],
        capabilities: {
          browserName: 'chrome',
          'goog:chromeOptions': {
            binary: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
            args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--no-first-run', '--disable-quic', ...(dark ? ['--force-dark-mode'] : [])],
          },
        },
      };
    case 'firefox':
      return {
        command: ['geckodriver', ['--host', '127.0.0.1', '--port', String(port)]],
        capabilities: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: '/usr/bin/firefox-esr',
            args: ['-headless'],
            // 0: dark, 1: light (what the page sees as prefers-color-scheme).
            prefs: { 'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1 },
          },
        },
      };
    case 'webkit':
      return {
        command: ['WebKitWebDriver', [`--port=${port}`]],
        capabilities: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation', ...(dark ? ['--dark-mode'] : [])] },
        },
      };
    default:
      throw new Error(`ENGINE must be chromium, firefox or webkit, not ${ENGINE}`);
  }
}

async function waitForDriver(base, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${ENGINE} driver exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok && (await r.json()).value?.ready !== false) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${ENGINE} driver did not start`);
}

/**
 * Starts the servers and one WebDriver session. `routes` may be a function of the harness
 * (to name the cross-origin server). Options: `env` for the driver and browser (e.g. TZ),
 * `dark` for a browser that prefers a dark colour scheme. Call `close()` at the end.
 */
export async function start(routes = {}, { env = {}, dark = false } = {}) {
  await mkdir(RESULTS, { recursive: true });
  const table = { '/__hook.js': async (req, res) => res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(await HOOK_JS) };
  const main = staticServer({ root: ROOT, routes: table });
  const cross = staticServer({ root: ROOT, cors: true });
  const h = { base: await listen(main), crossBase: await listen(cross) };
  Object.assign(table, typeof routes === 'function' ? routes(h) : routes);

  const port = await freePort();
  const { command, capabilities } = engineSetup(port, { dark });
  const child = spawn(command[0], command[1], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let driverLog = '';
  child.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  const server = `http://127.0.0.1:${port}`;
  try {
    await waitForDriver(server, child);
    h.driver = await new Builder().usingServer(server).withCapabilities(capabilities).build();
  } catch (error) {
    child.kill();
    throw new Error(`${error.message}\n${driverLog}`);
  }
  const caps = await h.driver.getCapabilities();
  h.version = `${caps.get('browserName')} ${caps.get('browserVersion')}`;
  await writeFile(`${RESULTS}/version.txt`, `${h.version}\n`);
  await h.driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
  h.close = async () => {
    await h.driver?.quit().catch(() => {});
    child.kill();
    main.close();
    cross.close();
  };

  const d = h.driver;
  /** Runs `fn(...args)` in the page and returns its (JSON-able) result. */
  h.run = (fn, ...args) => d.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  /** Waits until `fn(...args)` is truthy in the page; returns its value. */
  h.until = (fn, args = [], timeout = 15000, what = String(fn)) =>
    d.wait(async () => (await h.run(fn, ...args)) || false, timeout, `timed out: ${what}`);
  /** Sets the viewport's size (the window's size less its frame), then opens `path`. */
  h.viewport = async (width, height) => {
    await d.manage().window().setRect({ width, height });
    const [iw, ih] = await h.run(() => [innerWidth, innerHeight]);
    if (iw !== width || ih !== height) await d.manage().window().setRect({ width: 2 * width - iw, height: 2 * height - ih });
  };
  h.goto = (path) => d.get(h.base + path);
  /** Opens `path` and waits until `count` widgets show their title or an error. */
  h.open = async (path, { count = 1 } = {}) => {
    await h.goto(path);
    if (count) await waitForWidgets(h, count);
  };
  /** A WebElement inside the `index`th widget's shadow root. */
  h.shadow = async (selector, index = 0) => {
    const el = await h.run((s, i) => document.querySelectorAll('forum-widget')[i]?.shadowRoot?.querySelector(s) || null, selector, index);
    if (!el) throw new Error(`no ${selector} in widget ${index}`);
    return el;
  };
  /** textContent of every match of `selector` in the `index`th widget. */
  h.texts = (selector, index = 0) =>
    h.run((s, i) => [...document.querySelectorAll('forum-widget')[i].shadowRoot.querySelectorAll(s)].map((e) => e.textContent), selector, index);
  h.text = async (selector, index = 0) => (await h.texts(selector, index))[0];
  /** Clicks the tab labelled `label` in the `index`th widget, as a reader does. */
  h.clickTab = async (label, index = 0) => {
    const tab = await h.run((l, i) => [...document.querySelectorAll('forum-widget')[i].shadowRoot.querySelectorAll('[role=tab]')]
      .find((t) => t.textContent === l) || null, label, index);
    if (!tab) throw new Error(`no tab ${label}`);
    await tab.click();
    await h.until((l, i) => document.querySelectorAll('forum-widget')[i].shadowRoot.querySelector('[aria-selected=true]')?.textContent === l, [label, index]);
  };
  h.errors = () => h.run(() => window.__errors);
  h.widgetErrors = async () => (await h.errors()).filter((e) => e.startsWith('forum-widget:'));
  /** Saves a screenshot of the viewport, or of `element`, to test-results/<engine>/<name>.png. */
  h.screenshot = async (name, element) => {
    // After the next frame is drawn. WebKitGTK's MiniBrowser hands WebDriver its last
    // composited frame, which lags the DOM by a moment, and its element screenshots of a
    // re-laid-out element can come back black: there the viewport, scrolled to the
    // element, is saved instead.
    const drawn = () => h.run(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await drawn();
    if (ENGINE === 'webkit') {
      if (element) {
        await h.run((e) => { if (e.getBoundingClientRect().top < 0 || e.getBoundingClientRect().top > innerHeight / 2) e.scrollIntoView(); }, element);
        await drawn();
      }
      await d.sleep(500);
      element = null;
    }
    const png = await (element || d).takeScreenshot();
    await writeFile(`${RESULTS}/${name}.png`, Buffer.from(png, 'base64'));
  };
  return h;
}

const HOOK_JS = readFile(new URL('./hook.js', import.meta.url), 'utf8');

export function waitForWidgets(h, count = 1) {
  return h.until((n) => {
    const hosts = [...document.querySelectorAll('forum-widget')];
    return hosts.length === n && hosts.every((x) => x.shadowRoot?.querySelector('.title, .error'));
  }, [count], 15000, `${count} widget(s) rendered`);
}
