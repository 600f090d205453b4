// End-to-end tests of partner-grade embedding: the <forum-widget> element, the JS API,
// events, sections, theming, responsive width, strict CSP, SPA mount/unmount, lazy
// start and the embed-code builder.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { start, page, json, ROOT, RESULTS, TITLE_EN, TITLE_ZH, texts, wasmFetches, waitForWidgets } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const AFTER = `<p id="after">${'Partner text after the widget. '.repeat(20)}</p>`;
const SHIFT = `<script>window.__shift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; })
  .observe({ type: 'layout-shift', buffered: true });</script>`;
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const THEMED = `<style>
  forum-widget.themed {
    --fw-primary: rgb(200, 0, 100); --fw-text: rgb(10, 20, 30); --fw-background: rgb(250, 240, 230);
    --fw-surface: rgb(1, 2, 3); --fw-border: rgb(4, 5, 6); --fw-radius: 13px;
    --fw-font-family: Georgia; --fw-font-size: 19px; --fw-muted: rgb(7, 8, 9);
  }</style>`;

let h;
before(async () => {
  h = await start({
    '/p/elements': page(`<forum-widget id="before" lang="zh" view="program"></forum-widget>${LOADER}
      <forum-widget id="after" sections="speakers"></forum-widget>`),
    '/p/api': page(`<div id="slot"></div>${LOADER}`),
    '/p/themed': page(`<forum-widget class="themed" view="speakers"></forum-widget>${LOADER}`, THEMED),
    '/p/theme-dark': page(`<forum-widget theme="dark"></forum-widget><forum-widget theme="auto"></forum-widget><forum-widget theme="light"></forum-widget>${LOADER}`),
    '/p/missing-src': page(`<forum-widget src="/nowhere.json"></forum-widget>${LOADER}`),
    '/p/width': page(`<forum-widget></forum-widget>${LOADER}`, '<style>body { margin: 0 }</style>'),
    '/p/csp': page(`<forum-widget view="speakers"></forum-widget>${LOADER}`, '', { 'Content-Security-Policy': CSP }),
    '/p/csp-src': page(`<forum-widget src="/tests/fixtures/small-event.json"></forum-widget>${LOADER}`, '', { 'Content-Security-Policy': CSP }),
    '/p/lazy': page(`<p>top</p><div id="spacer"></div><forum-widget loading="lazy"></forum-widget>${LOADER}`,
      '<link rel="stylesheet" href="/p/lazy.css">'),
    '/p/lazy.css': (req, res) => res.writeHead(200, { 'Content-Type': 'text/css' }).end('#spacer { height: 4000px }'),
    '/p/blank': page(LOADER),
    // The two embed forms README.md recommends, with partner text below the widget.
    '/p/shift-script': page(`<h1>Partner</h1><script src="/dist/forum-widget.js"></script>${AFTER}`, SHIFT),
    '/p/shift-element': page(`<h1>Partner</h1><style>forum-widget:not(:defined) { display: block; min-height: 100vh; }</style>
      <forum-widget></forum-widget>${AFTER}${LOADER}`, SHIFT),
  });
});
after(() => h?.close());

const shadowText = (p, selector, index = 0) =>
  p.evaluate(([s, i]) => document.querySelectorAll('forum-widget')[i].shadowRoot.querySelector(s)?.textContent, [selector, index]);

test('<forum-widget> elements before and after the script upgrade; attribute changes update them live', async () => {
  const p = await h.open('/p/elements', { count: 2 });
  assert.equal(await shadowText(p, '.title', 0), TITLE_ZH);
  assert.equal(await shadowText(p, '[aria-selected=true]', 0), '议程');
  assert.equal(await p.evaluate(() => document.querySelector('#after').shadowRoot.querySelector('[role=tablist]')), null, 'one section: no tab bar');
  assert.equal(await p.evaluate(() => document.querySelectorAll('forum-widget').length), 2, 'data-mount="none" inserts no widget');

  await p.evaluate(() => { const el = document.querySelector('#before'); el.setAttribute('lang', 'en'); el.setAttribute('view', 'speakers'); });
  await p.waitForFunction(() => document.querySelector('#before').shadowRoot.querySelector('.title').textContent.startsWith('5th'));
  assert.equal(await shadowText(p, '[aria-selected=true]', 0), 'Speakers and guests');
  await p.evaluate(() => document.querySelector('#after').setAttribute('sections', 'program,summary'));
  await p.waitForFunction(() => document.querySelector('#after').shadowRoot.querySelectorAll('[role=tab]').length === 2);
  assert.deepEqual(await p.evaluate(() => [...document.querySelector('#after').shadowRoot.querySelectorAll('[role=tab]')].map((t) => t.textContent)), ['Programme', 'Summary']);
  assert.equal(await wasmFetches(p), 1, 'no wasm reload for attribute changes');
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('JS API: mount, update and unmount, with ready, select and error events', async () => {
  const p = await h.newPage();
  await p.goto(h.base + '/p/api');
  await p.waitForFunction(() => window.ForumWidget?.mount);
  await p.evaluate(() => {
    window.seen = [];
    for (const name of ['ready', 'select', 'error']) {
      document.addEventListener(`forum-widget:${name}`, (e) => window.seen.push([name, e.detail, e.target.id]));
    }
    window.handle = ForumWidget.mount(document.getElementById('slot'), { lang: 'zh', headingLevel: 3 });
  });
  await p.waitForFunction(() => window.seen.some(([n]) => n === 'ready'));
  assert.deepEqual(await p.evaluate(() => window.seen), [['ready', { event: 'china-ceec-cangzhou-sme-forum-2023' }, 'slot']]);
  assert.equal(await p.evaluate(() => document.getElementById('slot').shadowRoot.querySelector('h3.title').textContent), TITLE_ZH);

  await p.locator('#slot [role=tab]', { hasText: '嘉宾' }).click();
  await p.locator('#slot #fw-person-sinisa-mali .link').click();
  const selects = await p.evaluate(() => window.seen.filter(([n]) => n === 'select').map(([, d]) => d));
  assert.deepEqual(selects, [{ type: 'tab', id: 'speakers' }, { type: 'program-item', id: 'opening-ceremony' }]);

  await p.evaluate(() => window.handle.update({ lang: 'en', view: 'summary' }));
  await p.waitForFunction(() => document.getElementById('slot').shadowRoot.querySelector('.title').textContent.startsWith('5th'));
  assert.equal(await p.evaluate(() => document.getElementById('slot').shadowRoot.querySelector('[aria-selected=true]').textContent), 'Summary');

  await p.evaluate(() => window.handle.update({ src: '/nowhere.json' }));
  await p.waitForFunction(() => window.seen.some(([n]) => n === 'error'));
  const error = await p.evaluate(() => window.seen.find(([n]) => n === 'error')[1].message);
  assert.match(error, /\/nowhere\.json returned HTTP 404/);

  await p.evaluate(() => window.handle.unmount());
  assert.equal(await p.evaluate(() => document.getElementById('slot').shadowRoot.childNodes.length), 0);
  await p.close();
});

test('each theme variable set by the host changes the computed style inside the shadow root', async () => {
  const p = await h.open('/p/themed');
  const style = await p.evaluate(() => {
    const root = document.querySelector('forum-widget').shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      primary: cs('[role=tab][aria-selected=true]').color,
      text: cs('.fw').color,
      background: cs('.fw').backgroundColor,
      surface: cs('.person').backgroundColor,
      border: cs('.fw').borderTopColor,
      radius: cs('.fw').borderTopLeftRadius,
      font: cs('.fw').fontFamily,
      size: cs('.fw').fontSize,
      muted: cs('.meta').color,
    };
  });
  assert.deepEqual(style, {
    primary: 'rgb(200, 0, 100)', text: 'rgb(10, 20, 30)', background: 'rgb(250, 240, 230)',
    surface: 'rgb(1, 2, 3)', border: 'rgb(4, 5, 6)', radius: '13px', font: 'Georgia', size: '19px', muted: 'rgb(7, 8, 9)',
  });
  const parts = await p.evaluate(() => [...document.querySelector('forum-widget').shadowRoot.querySelectorAll('[part]')].map((e) => e.getAttribute('part')));
  for (const part of ['root', 'header', 'tabs', 'tab', 'panel', 'person']) assert.ok(parts.includes(part), `part ${part}`);
  await p.close();
});

test('theme="dark|auto|light" and prefers-color-scheme', async () => {
  for (const scheme of ['light', 'dark']) {
    const p = await h.open('/p/theme-dark', { count: 3, colorScheme: scheme });
    const backgrounds = await p.evaluate(() => [...document.querySelectorAll('forum-widget')].map((el) => getComputedStyle(el.shadowRoot.querySelector('.fw')).backgroundColor));
    const auto = scheme === 'dark' ? 'rgb(22, 27, 34)' : 'rgb(255, 255, 255)';
    assert.deepEqual(backgrounds, ['rgb(22, 27, 34)', auto, 'rgb(255, 255, 255)'], `colour scheme ${scheme}`);
    await p.screenshot({ path: `${RESULTS}/themes-${scheme}.png`, fullPage: true });
    await p.close();
  }
});

test('readable with no horizontal overflow from 280 to 1400 px wide; height follows content', async () => {
  for (const width of [280, 375, 768, 1024, 1400]) {
    const p = await h.open('/p/width', { viewport: { width, height: 900 } });
    for (const tab of ['Summary', 'Speakers', 'Programme']) {
      await p.locator('forum-widget [role=tab]', { hasText: tab }).click();
      const m = await p.evaluate(() => {
        const host = document.querySelector('forum-widget');
        const root = host.shadowRoot;
        const inner = [...root.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible');
        const widest = Math.max(...[...root.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right));
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          hostWidth: host.getBoundingClientRect().width,
          widest,
          scrollers: inner.length,
          hostHeight: host.getBoundingClientRect().height,
          contentHeight: root.querySelector('.fw').getBoundingClientRect().height,
        };
      });
      assert.equal(m.page, 0, `${width}px ${tab}: the page gets no horizontal scrollbar`);
      assert.ok(m.widest <= m.hostWidth + 0.5, `${width}px ${tab}: content stays inside (${m.widest} > ${m.hostWidth})`);
      assert.equal(m.scrollers, 0, `${width}px ${tab}: no inner scrollbars`);
      assert.ok(Math.abs(m.hostHeight - m.contentHeight) < 1, `${width}px ${tab}: host height follows content`);
    }
    await p.locator('forum-widget [role=tab]', { hasText: 'Speakers' }).click();
    await p.screenshot({ path: `${RESULTS}/width-${width}.png`, fullPage: true });
    await p.close();
  }
});

async function violationsOn(path) {
  const p = await h.newPage();
  await p.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.goto(h.base + path);
  await waitForWidgets(p, 1);
  await p.waitForTimeout(300);
  return p;
}

test('strict CSP: renders with zero policy violations, built-in and data-src', async () => {
  for (const [path, title] of [['/p/csp', TITLE_EN], ['/p/csp-src', 'Test Summit on Ports']]) {
    const p = await violationsOn(path);
    assert.equal(await p.locator('forum-widget .title').textContent(), title);
    assert.deepEqual(await p.evaluate(() => window.violations), [], path);
    assert.deepEqual(p.consoleErrors, [], path);
    if (path === '/p/csp') {
      const fontFamily = await p.evaluate(() => getComputedStyle(document.querySelector('forum-widget').shadowRoot.querySelector('.fw')).fontFamily);
      assert.match(fontFamily, /system-ui/, 'the adopted stylesheet applies under the CSP');
    }
    await p.close();
  }
});

test('SPA: 200 mount/unmount cycles leave no nodes or listeners behind and fetch the wasm once', async () => {
  const p = await h.newPage();
  await p.goto(h.base + '/p/blank');
  await p.waitForFunction(() => window.ForumWidget?.mount);
  const cdp = await p.context().newCDPSession(p);
  const cycles = (n) => p.evaluate(async (count) => {
    for (let i = 0; i < count; i++) {
      const el = document.createElement('div');
      document.body.append(el);
      const ready = new Promise((resolve) => el.addEventListener('forum-widget:ready', resolve, { once: true }));
      const handle = ForumWidget.mount(el, { view: i % 2 ? 'program' : 'speakers' });
      await ready;
      handle.unmount();
      el.remove();
    }
    return document.querySelectorAll('*').length;
  }, n);
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Memory.getDOMCounters');
  };
  await cycles(20);
  const early = await counters();
  const elements = await cycles(180);
  const late = await counters();
  assert.equal(elements, await p.evaluate(() => document.querySelectorAll('*').length));
  assert.ok(late.nodes - early.nodes < 200, `DOM nodes grew from ${early.nodes} to ${late.nodes}`);
  assert.ok(late.jsEventListeners - early.jsEventListeners <= 2, `listeners grew from ${early.jsEventListeners} to ${late.jsEventListeners}`);
  assert.equal(await wasmFetches(p), 1);
  const loader = await readFile(`${ROOT}dist/forum-widget.js`, 'utf8');
  assert.ok(!loader.includes('document.write'));
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('loading="lazy": no wasm is fetched until the widget nears the viewport', async () => {
  const p = await h.newPage({ viewport: { width: 800, height: 600 } });
  await p.goto(h.base + '/p/lazy');
  await p.waitForFunction(() => window.ForumWidget?.mount);
  await p.waitForTimeout(500);
  assert.equal(await wasmFetches(p), 0);
  assert.match(await p.locator('forum-widget .fw-loader-message').textContent(), /Loading event/);
  await p.locator('forum-widget').scrollIntoViewIfNeeded();
  await waitForWidgets(p, 1);
  assert.equal(await wasmFetches(p), 1);
  assert.equal(await p.locator('forum-widget .title').textContent(), TITLE_EN);
  await p.close();
});

test('the host page does not move while the widget loads and renders (layout shift < 0.01)', async () => {
  for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) for (const form of ['script', 'element']) {
    const p = await h.newPage({ viewport });
    await p.goto(`${h.base}/p/shift-${form}`);
    await waitForWidgets(p, 1);
    // Two frames after the render, so every shift it caused has been reported.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await p.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `${form} form: layout shift ${shift} at ${viewport.width}×${viewport.height}`);
    await p.close();
  }
});

test('the space reserved while loading is --fw-placeholder-height', async () => {
  const p = await h.newPage({ viewport: { width: 800, height: 600 } });
  await p.goto(h.base + '/p/lazy');
  await p.waitForFunction(() => window.ForumWidget?.mount);
  const height = () => p.evaluate(() => document.querySelector('forum-widget').getBoundingClientRect().height);
  assert.equal(await height(), 600, 'the viewport height by default');
  await p.evaluate(() => document.querySelector('forum-widget').style.setProperty('--fw-placeholder-height', '321px'));
  assert.equal(await height(), 321);
  await p.close();
});

test("the builder's snippets, pasted into a blank page, render the widget it shows", async () => {
  const p = await h.open('/', { viewport: { width: 1280, height: 900 } });
  await p.selectOption('select[name=lang]', 'zh');
  await p.selectOption('select[name=view]', 'program');
  await p.selectOption('select[name=theme]', 'dark');
  await p.uncheck('input[name=sections][value=summary]');
  await p.check('input[name=pin]');
  const sri = `sha384-${createHash('sha384').update(await readFile(`${ROOT}dist/forum-widget.js`)).digest('base64')}`;
  await p.waitForFunction(() => document.getElementById('snippet').value.includes('integrity='));
  await p.waitForFunction(() => document.querySelector('.partner forum-widget').shadowRoot.querySelector('[aria-selected=true]')?.textContent === '议程');
  const look = (q) => q.evaluate(() => {
    const root = document.querySelector('forum-widget').shadowRoot;
    return [root.querySelector('.title').textContent, [...root.querySelectorAll('[role=tab]')].map((t) => t.textContent).join(','),
      root.querySelector('[aria-selected=true]').textContent, getComputedStyle(root.querySelector('.fw')).backgroundColor];
  });
  const live = await look(p);
  assert.deepEqual(live, [TITLE_ZH, '嘉宾,议程', '议程', 'rgb(22, 27, 34)']);
  await p.screenshot({ path: `${RESULTS}/builder.png`, fullPage: true });
  for (const id of ['snippet', 'snippet-element']) {
    const snippet = await p.locator(`#${id}`).inputValue();
    assert.ok(snippet.includes(` integrity="${sri}" crossorigin="anonymous"`), snippet);
    const blank = await h.newPage();
    await blank.goto(h.base + '/p/blank');
    await blank.evaluate(() => document.querySelectorAll('forum-widget').forEach((e) => e.remove()));
    await blank.setContent(`<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`, { waitUntil: 'load' });
    await waitForWidgets(blank, 1);
    assert.deepEqual(await look(blank), live, id);
    await blank.close();
  }
  await p.close();
});
