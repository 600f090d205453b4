// Robustness, security and privacy in a real browser: hostile data never executes or
// becomes markup, network faults and loader faults each give their own message, the
// host page keeps working, and nothing but the widget's own files is contacted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { start, page, ROOT, RESULTS, waitForWidgets, loaderFaultRoutes } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const HOST = '<button id="host-button" type="button">Host button</button>';
const expected = JSON.parse(await readFile(`${ROOT}tests/corpus/expected.json`, 'utf8'));
const SAFE = Object.keys(expected).filter((name) => expected[name].renders);
const seenHeaders = [];

let h;
before(async () => {
  const event = await readFile(`${ROOT}data/forum-2023.json`);
  const widgets = SAFE.map((name) => `<forum-widget id="${name}" lang="en" src="/tests/corpus/${name}.json"></forum-widget>`).join('');
  h = await start((h) => ({
    '/p/hostile-data': page(`${HOST}${widgets}${LOADER}`),
    '/p/default': page(`<script src="/dist/forum-widget.js" async></script>`),
    '/p/mixed': page(`${HOST}<forum-widget id="bad" src="/f/500"></forum-widget><forum-widget id="good"></forum-widget>${LOADER}`),
    '/p/two': page(`${HOST}<forum-widget id="a"></forum-widget><forum-widget id="b"></forum-widget>${LOADER}`),
    // The test build's loader: the production one has no test hooks.
    '/p/two-test-build': page(`${HOST}<forum-widget id="a"></forum-widget><forum-widget id="b"></forum-widget>${LOADER.replace('/dist/', '/dist-test/')}`),
    '/p/zh-test-build': page(`${HOST}<forum-widget id="z" lang="zh"></forum-widget>${LOADER.replace('/dist/', '/dist-test/')}`),
    '/p/cookie': page(`<forum-widget src="/f/record"></forum-widget>${LOADER}`),
    '/f/500': (req, res) => res.writeHead(500).end('boom'),
    '/f/slow': () => { /* never answers */ },
    '/f/cut': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(event.length) });
      res.write(event.subarray(0, 200));
      setTimeout(() => res.socket.destroy(), 50);
    },
    '/f/html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><p>Not found</p>'),
    '/f/big': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(' '.repeat(6 * 1024 * 1024) + '{}'),
    '/f/record': (req, res) => {
      seenHeaders.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(event);
    },
    '/f/cors': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(event),
    ...loaderFaultRoutes(page, HOST),
    '/p/cors-refused': page(`${HOST}<forum-widget src="${h.base.replace('127.0.0.1', 'localhost')}/f/cors"></forum-widget>${LOADER}`),
  }));
});
after(() => h?.close());

test('hostile strings from the corpus render as text: no payload runs, no element from data exists', async () => {
  assert.ok(SAFE.length >= 25, `${SAFE.length} safe-rendering files`);
  const p = await h.newPage({ viewport: { width: 800, height: 900 } });
  const dialogs = [];
  p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await p.addInitScript(() => {
    // Any payload that runs trips this.
    Object.defineProperty(window, '__pwned', { set(v) { window.__tripped = String(v); }, get() { return undefined; } });
  });
  await p.goto(h.base + '/p/hostile-data');
  await waitForWidgets(p, SAFE.length);
  for (const tab of ['Speakers and guests', 'Programme']) {
    for (const el of await p.locator(`forum-widget [role=tab]:text-is("${tab}")`).all()) await el.click();
  }
  await p.waitForTimeout(300);
  assert.equal(await p.evaluate(() => window.__tripped), undefined, 'no payload executed');
  assert.deepEqual(dialogs, []);
  const report = await p.evaluate(() => [...document.querySelectorAll('forum-widget')].map((host) => {
    const root = host.shadowRoot;
    const foreign = root.querySelectorAll('img, script, svg, iframe, b, object, embed, style');
    const overflow = [...root.querySelectorAll('*')].some((e) => e.getBoundingClientRect().right > host.getBoundingClientRect().right + 1);
    const links = [...root.querySelectorAll('a[href]')].map((a) => a.href).filter((href) => !/^(https?:|mailto:|blob:)/.test(href));
    return { id: host.id, error: root.querySelector('.error')?.textContent, foreign: foreign.length, overflow, links, text: root.textContent };
  }));
  for (const r of report) {
    assert.equal(r.error, undefined, `${r.id} renders`);
    assert.equal(r.foreign, 0, `${r.id}: no element from data`);
    assert.equal(r.overflow, false, `${r.id}: long strings wrap`);
    assert.deepEqual(r.links, [], `${r.id}: no non-http link`);
  }
  const byId = Object.fromEntries(report.map((r) => [r.id, r.text]));
  assert.ok(byId['xss-name'].includes("<img src=x onerror=\"window.__pwned='img'\">"), 'the payload is shown as text');
  assert.ok(byId['xss-summary'].includes("<script>window.__pwned='script'</script>"), 'the payload is shown as text');
  const isolated = await p.evaluate(() => {
    const root = document.getElementById('bidi-person-name').shadowRoot;
    const name = root.querySelector('#fw-person-xu-xiaolan .name');
    return name.tagName + '|' + name.textContent;
  });
  assert.equal(isolated, 'BDI|\u202eXu Xiaolan\u202c evil', 'names with bidi controls are isolated');
  await p.screenshot({ path: `${RESULTS}/hostile-data.png` });
  await p.close();
});

async function fault(path, pattern, { timeout, init } = {}) {
  const p = await h.newPage();
  if (init) await p.addInitScript(init);
  await p.goto(h.base + path);
  await p.waitForFunction(() => [...document.querySelectorAll('forum-widget')].every((w) =>
    w.shadowRoot?.querySelector('.error, .fw-loader-message a') || /could not|无法/.test(w.shadowRoot?.textContent || '')),
  null, { timeout: timeout ?? 15000 });
  const text = await p.locator('forum-widget').first().evaluate((w) => w.shadowRoot.textContent);
  assert.match(text, pattern, path);
  const widgetErrors = p.consoleErrors.filter((e) => e.startsWith('forum-widget:'));
  assert.equal(widgetErrors.length, 1, `${path}: one console error\n${p.consoleErrors.join('\n')}`);
  await p.locator('#host-button').click();
  await p.evaluate(() => { document.getElementById('host-button').textContent = 'clicked'; });
  assert.equal(await p.locator('#host-button').textContent(), 'clicked', `${path}: the host page still works`);
  await p.close();
  return widgetErrors[0];
}

test('network faults each give their own message', async () => {
  const cases = [
    ['/f/500', /returned HTTP 500/],
    ['/tests/corpus/nothing-here.json', /returned HTTP 404/],
    ['/f/cut', /Could not load .*\/f\/cut: the network request failed/],
    ['/f/html', /is served as text\/html; charset=utf-8, not as JSON/],
    ['/f/big', /is larger than 5 MB/],
  ];
  for (const [src, pattern] of cases) {
    const p = await h.newPage();
    await p.goto(h.base + '/p/default');
    await p.evaluate((s) => {
      document.body.innerHTML = '<button id="host-button" type="button">Host button</button>';
      const el = document.createElement('forum-widget');
      el.setAttribute('src', s);
      document.body.append(el);
    }, src);
    await p.waitForFunction(() => document.querySelector('forum-widget')?.shadowRoot?.querySelector('.error'));
    assert.match(await p.locator('forum-widget .error').textContent(), pattern, src);
    assert.equal(p.consoleErrors.filter((e) => e.startsWith('forum-widget:')).length, 1, src);
    await p.locator('#host-button').click();
    await p.close();
  }
});

test('a response slower than 15 s is abandoned with a timeout message', async () => {
  const p = await h.newPage();
  await p.goto(h.base + '/p/default');
  const started = Date.now();
  await p.evaluate(() => {
    const el = document.createElement('forum-widget');
    el.setAttribute('src', '/f/slow');
    document.body.replaceChildren(el);
  });
  await p.waitForFunction(() => document.querySelector('forum-widget')?.shadowRoot?.querySelector('.error'), null, { timeout: 25000 });
  assert.match(await p.locator('forum-widget .error').textContent(), /\/f\/slow did not answer within 15 seconds/);
  assert.ok(Date.now() - started >= 14000, 'not before the timeout');
  await p.close();
});

test('a data source on another origin without CORS is refused with a network message', () =>
  fault('/p/cors-refused', /Could not load http:\/\/localhost:\d+\/f\/cors: the network request failed/));

test('an error in one widget leaves the others working', async () => {
  const p = await h.open('/p/mixed', { count: 2 });
  assert.match(await p.locator('#bad .error').textContent(), /HTTP 500/);
  assert.match(await p.locator('#good .title').textContent(), /SME Cooperation Forum/);
  await p.close();
});

test('the production loader has no test hooks', async () => {
  const p = await h.open('/p/two', { count: 2 });
  assert.deepEqual(await p.evaluate(() => Object.keys(window.ForumWidget).sort()), ['mount', 'version']);
  assert.deepEqual(await p.evaluate(() => Object.keys(document.getElementById('a')._forumWidget).sort()), ['unmount', 'update']);
  await p.close();
});

test('a panic in one widget leaves the others working', async () => {
  const p = await h.open('/p/two-test-build', { count: 2 });
  await p.evaluate(() => {
    window.__errors = [];
    document.addEventListener('forum-widget:error', (e) => window.__errors.push({ id: e.target.id, ...e.detail }));
  });
  await p.evaluate(() => {
    try { document.getElementById('a')._forumWidget._panicForTests(); } catch (e) { window.__trap = String(e); }
  });
  assert.match(await p.evaluate(() => window.__trap), /unreachable/, 'the panic stopped its wasm instance');
  assert.equal(await p.locator('#a .error').textContent(), 'The event could not be shownThe widget stopped because of an internal error.');
  assert.equal(await p.locator('#a .error').getAttribute('role'), 'status');
  assert.deepEqual(await p.evaluate(() => window.__errors), [{ id: 'a', internal: 'true', message: 'internal error: unreachable' }], 'the page is told once');
  await p.locator('#b [role=tab]', { hasText: 'Speakers' }).click();
  assert.equal(await p.locator('#b [role=tab][aria-selected=true]').textContent(), 'Speakers and guests', 'the other widget still works');
  await p.evaluate(() => document.body.append(Object.assign(document.createElement('forum-widget'), { id: 'c' })));
  await p.waitForFunction(() => document.getElementById('c').shadowRoot?.querySelector('.title'));
  assert.equal(await p.locator('#c [role=tab][aria-selected=true]').textContent(), 'Summary', 'a new widget starts in a fresh instance');
  assert.equal(await p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1);
  await p.locator('#host-button').click();
  await p.close();
});

test('the internal-error notice is in the language on screen', async () => {
  const p = await h.open('/p/zh-test-build');
  await p.locator('#z [role=tab]', { hasText: '嘉宾' }).waitFor();
  await p.evaluate(() => { try { document.getElementById('z')._forumWidget._panicForTests(); } catch (e) { /* the trap, thrown on */ } });
  assert.equal(await p.locator('#z .error-title').textContent(), '无法显示活动信息');
  assert.equal(await p.locator('#z .error-message').textContent(), '组件因内部错误而停止。');
  assert.equal(await p.locator('#z .fw').getAttribute('lang'), 'zh');
  await p.close();
});

test('loader faults: wasm 404, corrupt wasm, no WebAssembly, CSP without wasm', async () => {
  assert.match(await fault('/p/wasm-404', /could not be loaded: the widget files could not be fetched/), /must be served beside/);
  assert.match(await fault('/p/wasm-corrupt', /could not be loaded: forum-widget\.[0-9a-f]{10}\.wasm is damaged/), /Upload dist\/ again/);
  assert.match(await fault('/p/no-wasm', /does not support WebAssembly/, { init: () => { delete window.WebAssembly; } }), /current browser/);
  assert.match(await fault('/p/csp-no-wasm', /Content-Security-Policy does not allow WebAssembly/), /wasm-unsafe-eval/);
  const p = await h.newPage();
  await p.goto(h.base + '/p/wasm-404');
  await p.waitForFunction(() => document.querySelector('forum-widget')?.shadowRoot?.querySelector('.fw-loader-message a'));
  assert.match(await p.locator('forum-widget .fw-loader-message a').getAttribute('href'), /^https:\/\/www\.miit\.gov\.cn\//);
  await p.close();
});

test('privacy: only the widget’s own origin is contacted, no cookies are sent or set, nothing is stored', async () => {
  const p = await h.newPage();
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(h.base + '/p/default');
  await waitForWidgets(p, 1);
  await p.waitForTimeout(300);
  const origins = [...new Set(requests.map((u) => new URL(u).origin))];
  assert.deepEqual(origins, [h.base]);
  assert.equal(await p.evaluate(() => document.cookie), '');
  assert.deepEqual(await p.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  await p.close();

  const c = await h.newPage();
  await c.goto(h.base + '/p/blank-for-cookie');
  await c.evaluate(() => { document.cookie = 'partner_session=secret; path=/'; });
  await c.goto(h.base + '/p/cookie');
  await waitForWidgets(c, 1);
  assert.ok(seenHeaders.length >= 1);
  assert.equal(seenHeaders.at(-1).cookie, undefined, 'the data request carries no cookie');
  await c.close();
});
