// End-to-end tests of the single-script embed: the built dist/ served on loopback,
// driven in headless Chromium. Run by scripts/test.sh after scripts/build.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, page, json, ROOT, RESULTS, texts, wasmFetches, distNames } from './harness.mjs';

const NAMES = ['Xu Xiaolan', 'Siniša Mali', 'Adam Struzik', 'Siniša Berjan', 'Archil Kalandia'];
const ITEMS = ['Opening ceremony', 'Keynote forum', 'SME Innovation Achievements Exhibition', 'Cross-border matchmaking meeting'];
const SCRIPT = '<script src="/dist/forum-widget.js" async></script>';
const HOST_CONTENT = `<h2 id="host-h2">Partner news</h2><p id="host-p">Host paragraph text.</p>
<button id="host-button" type="button" onclick="this.textContent='clicked'">Host button</button>
<ul id="host-ul"><li>one</li></ul>`;
const HOSTILE_CSS = `<style>* { color: red !important; font: 40px serif !important; }
div { display: none !important; } button { all: unset; } section { padding: 0; }
p, li, h2, h3 { margin: 50px !important; letter-spacing: 5px !important; }</style>`;

let h;
const smallEvent = () => readFile(`${ROOT}tests/fixtures/small-event.json`, 'utf8');

before(async () => {
  h = await start((h) => ({
    '/p/plain': page(`<section style="width:760px">${SCRIPT}</section>`),
    '/p/hostile': page(`<section style="width:760px">${SCRIPT}</section>`, HOSTILE_CSS),
    '/p/host-only': page(HOST_CONTENT),
    '/p/host-with-widget': page(`${HOST_CONTENT}${SCRIPT}`),
    '/p/blank': page(''),
    '/p/two': page(`<p id="a">A</p>${SCRIPT}<p id="b">B</p><script src="/dist/forum-widget.js" data-lang="zh" async></script>`),
    '/p/zh': page('<script src="/dist/forum-widget.js" data-lang="zh" async></script>'),
    '/p/defer': page('<script src="/dist/forum-widget.js" data-view="program" defer></script>'),
    '/p/sync': page('<script src="/dist/forum-widget.js"></script><p id="after">after</p>'),
    '/p/missing': page(`${HOST_CONTENT}<script src="/dist/forum-widget.js" data-src="/fixtures/missing.json" async></script>`),
    '/p/not-json': page(`${HOST_CONTENT}<script src="/dist/forum-widget.js" data-src="/fixtures/not-json.json" async></script>`),
    '/p/bad-event': page('<script src="/dist/forum-widget.js" data-src="/fixtures/bad-event.json" async></script>'),
    '/p/other-event': page('<script src="/dist/forum-widget.js" data-src="../fixtures/small-event.json" data-view="program" async></script>'),
    '/p/cross-origin': page(`<script src="${h.crossBase}/dist/forum-widget.js" async></script>`),
    '/fixtures/not-json.json': json('{"version": 1, "id": oops}'),
    '/fixtures/bad-event.json': async (req, res) => {
      const event = JSON.parse(await smallEvent());
      delete event.people[0].name;
      json(JSON.stringify(event))(req, res);
    },
    '/fixtures/small-event.json': async (req, res) => json(await smallEvent())(req, res),
  }));
});

after(() => h?.close());

const open = (...args) => h.open(...args);

test('a partner page with only the script tag shows the forum, five speakers and four programme items', async () => {
  const p = await open('/p/plain');
  assert.equal(await p.locator('forum-widget .title').textContent(), '5th China–CEEC (Cangzhou) SME Cooperation Forum');
  await p.locator('forum-widget [role=tab]', { hasText: 'Speakers' }).click();
  assert.deepEqual(await texts(p, '.person .name'), NAMES);
  await p.locator('forum-widget [role=tab]', { hasText: 'Programme' }).click();
  assert.deepEqual(await texts(p, '.item-title'), ITEMS);
  assert.deepEqual(await texts(p, '.item .time'), Array(4).fill('Time not published'));
  const html = await p.content();
  for (const wrong of ['Sinisa Mari', 'Beljan', 'Karadija']) assert.ok(!html.includes(wrong));
  assert.deepEqual(p.consoleErrors, [], 'no console errors on the happy path');
  await p.close();
});

test('the widget is inserted right after its script and defines only one global', async () => {
  const blank = await h.newPage();
  await blank.goto(h.base + '/p/blank');
  const before = await blank.evaluate(() => Object.keys(window));
  await blank.close();
  const p = await open('/p/sync');
  const after = await p.evaluate(() => Object.keys(window));
  assert.deepEqual(after.filter((k) => !before.includes(k)), ['ForumWidget']);
  const order = await p.evaluate(() => [...document.body.children].map((e) => e.tagName.toLowerCase()));
  assert.deepEqual(order, ['script', 'forum-widget', 'p']);
  assert.equal(await p.evaluate(() => document.querySelector('forum-widget').shadowRoot.mode), 'open');
  await p.close();
});

test('hostile host CSS does not change the widget', async () => {
  const clean = await open('/p/plain');
  const hostile = await open('/p/hostile');
  const look = (p) => p.evaluate(() => {
    const root = document.querySelector('forum-widget').shadowRoot;
    const pick = (sel) => {
      const el = root.querySelector(sel);
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return [sel, s.color, s.fontFamily, s.fontSize, s.display, s.margin, s.letterSpacing, Math.round(r.width), Math.round(r.height)].join('|');
    };
    return ['.fw', '.title', '.tab', '.tabs', '.facts dd', '.lead', '.sources a'].map(pick);
  });
  assert.deepEqual(await look(hostile), await look(clean));
  const [a, b] = await Promise.all([clean, hostile].map((p) => p.locator('forum-widget').screenshot()));
  assert.ok(a.equals(b), 'the widget looks pixel-identical on the hostile page');
  const hostStyle = await hostile.evaluate(() => getComputedStyle(document.querySelector('forum-widget')).display);
  assert.equal(hostStyle, 'block');
  await clean.close();
  await hostile.close();
});

test("the widget's CSS does not change the host page", async () => {
  const styles = (p) => p.evaluate(() => ['host-h2', 'host-p', 'host-button', 'host-ul'].map((id) => {
    const s = getComputedStyle(document.getElementById(id));
    return [id, s.color, s.font, s.margin, s.padding, s.display, s.listStyleType, s.backgroundColor, s.border].join('|');
  }));
  const without = await h.newPage();
  await without.goto(h.base + '/p/host-only');
  const withWidget = await open('/p/host-with-widget');
  assert.deepEqual(await styles(withWidget), await styles(without));
  assert.equal(await withWidget.evaluate(() => document.styleSheets.length), 0, 'no stylesheet added to the page');
  await without.close();
  await withWidget.close();
});

test('two script tags give two widgets, each with its own options', async () => {
  const p = await open('/p/two', { count: 2 });
  const titles = await texts(p, '.title');
  assert.deepEqual(titles, ['5th China–CEEC (Cangzhou) SME Cooperation Forum', '第五届中国—中东欧国家（沧州）中小企业合作论坛']);
  const order = await p.evaluate(() => [...document.body.children].map((e) => e.id || e.tagName.toLowerCase()));
  assert.deepEqual(order, ['a', 'script', 'forum-widget', 'b', 'script', 'forum-widget']);
  assert.equal(await wasmFetches(p), 1, 'the wasm is fetched once for both widgets');
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('data-lang="zh" shows the widget in Chinese', async () => {
  const p = await open('/p/zh');
  assert.equal(await p.locator('forum-widget .title').textContent(), '第五届中国—中东欧国家（沧州）中小企业合作论坛');
  assert.deepEqual(await texts(p, '[role=tab]'), ['概况', '嘉宾', '议程']);
  assert.match(await p.locator('forum-widget .status').textContent(), /^已于2023年11月13日举行$/);
  assert.match(await p.locator('forum-widget #fw-panel-summary').textContent(), /2023年11月13日（北京时间）/);
  await p.close();
});

test('data-view and defer: the programme tab is shown first', async () => {
  const p = await open('/p/defer');
  assert.equal(await p.locator('forum-widget [role=tab][aria-selected=true]').textContent(), 'Programme');
  assert.ok(await p.locator('forum-widget #fw-panel-program').isVisible());
  assert.ok(!(await p.locator('forum-widget #fw-panel-summary').isVisible()));
  await p.close();
});

test('data-src renders another event, resolved against the page URL', async () => {
  const p = await open('/p/other-event', { timezoneId: 'Europe/Belgrade' });
  assert.equal(await p.locator('forum-widget .title').textContent(), 'Test Summit on Ports');
  assert.deepEqual(await texts(p, '.item-title'), ['Welcome', 'Port tour']);
  const times = await texts(p, '.item .time');
  assert.equal(times[0], '09:30–10:00', 'event time only: the reader is in the event zone');
  assert.equal(times[1], 'Time not published');
  assert.match(await p.locator('forum-widget .zone-note').textContent(), /Central European Summer Time/);
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

async function assertError(path, ...patterns) {
  const p = await open(path);
  const message = await p.locator('forum-widget .error').textContent();
  assert.match(message, /^The event could not be shown/);
  for (const pattern of patterns) assert.match(message, pattern);
  const widgetErrors = p.consoleErrors.filter((e) => e.startsWith('forum-widget:'));
  assert.equal(widgetErrors.length, 1, `one console error: ${p.consoleErrors.join('\n')}`);
  for (const pattern of patterns) assert.match(widgetErrors[0], pattern);
  if (await p.locator('#host-button').count()) {
    await p.locator('#host-button').click();
    assert.equal(await p.locator('#host-button').textContent(), 'clicked', 'the host page keeps working');
  }
  await p.close();
}

test('a data-src that answers 404 shows the URL and the status', () =>
  assertError('/p/missing', new RegExp(`${h.base}/fixtures/missing\\.json returned HTTP 404`)));

test('a data-src with invalid JSON shows where the JSON breaks', () =>
  assertError('/p/not-json', /fixtures\/not-json\.json is not a valid event file/, /invalid JSON at line 1, column \d+/));

test('a data-src with an invalid event names the failing field', () =>
  assertError('/p/bad-event', /bad-event\.json is not a valid event file: people\[0\]\.name: missing/));

test('the script works from another origin that sends CORS headers', async () => {
  const p = await open('/p/cross-origin');
  assert.equal(await p.locator('forum-widget .title').textContent(), '5th China–CEEC (Cangzhou) SME Cooperation Forum');
  const wasm = await p.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.name);
  assert.equal(wasm, `${h.crossBase}/dist/${distNames().wasm}`, 'the wasm is loaded relative to the script, not the page');
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('the preview page shows the widget beside the embed snippet (screenshot saved)', async () => {
  const p = await open('/', { viewport: { width: 1280, height: 900 } });
  assert.match(await p.locator('#snippet').inputValue(), /^<script src="http:[^"]+\/dist\/forum-widget\.js"><\/script>$/);
  assert.equal(await p.locator('forum-widget .title').textContent(), '5th China–CEEC (Cangzhou) SME Cooperation Forum');
  await p.screenshot({ path: `${RESULTS}/preview.png`, fullPage: true });
  await p.setViewportSize({ width: 390, height: 800 });
  await p.screenshot({ path: `${RESULTS}/preview-phone.png`, fullPage: true });
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});
