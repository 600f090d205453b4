// In every engine: the widget from one script tag and as an element, tabs by mouse and
// keyboard, attribute changes, another event from data-src, and several widgets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { start, page, json, ROOT, TITLE_EN, TITLE_ZH, ENGINE } from './harness.mjs';
import { readFile } from 'node:fs/promises';

const NAMES = ['Xu Xiaolan', 'Siniša Mali', 'Adam Struzik', 'Siniša Berjan', 'Archil Kalandia'];
const ITEMS = ['Opening ceremony', 'Keynote forum', 'SME Innovation Achievements Exhibition', 'Cross-border matchmaking meeting'];
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const HOSTILE_CSS = `<style>* { color: red !important; font: 40px serif !important; }
div { display: none !important; } button { all: unset; } section { padding: 0; }
p, li, h2, h3 { margin: 50px !important; letter-spacing: 5px !important; }</style>`;

let h;
before(async () => {
  h = await start((h) => ({
    '/p/script': page('<p id="before">before</p><script src="/dist/forum-widget.js"></script><p id="after">after</p>'),
    '/p/elements': page(`<forum-widget id="one" lang="zh" view="program"></forum-widget>${LOADER}
      <forum-widget id="two" sections="speakers"></forum-widget>`),
    '/p/plain': page(`<section style="width:760px"><script src="/dist/forum-widget.js"></script></section>`),
    '/p/hostile': page(`<section style="width:760px"><script src="/dist/forum-widget.js"></script></section>`, HOSTILE_CSS),
    '/p/tab-order': page('<button id="host-first">Before</button><script src="/dist/forum-widget.js"></script><button id="host-last">After</button>'),
    '/p/lazy': page(`<p>top</p><div style="height: 4000px"></div><forum-widget loading="lazy"></forum-widget>${LOADER}`),
    '/p/two-scripts': page('<script src="/dist/forum-widget.js" async></script><script src="/dist/forum-widget.js" data-lang="zh" async></script>'),
    '/p/other-event': page(`<forum-widget src="/fixtures/small-event.json" view="program"></forum-widget>${LOADER}`),
    '/p/cross-origin': page(`<script src="${h.crossBase}/dist/forum-widget.js" async></script>`),
    '/fixtures/small-event.json': async (req, res) => json(await readFile(`${ROOT}tests/fixtures/small-event.json`, 'utf8'))(req, res),
  }));
  await h.viewport(1024, 900);
});
after(() => h?.close());

test('one script tag: the widget is inserted after it and shows summary, speakers and programme', async () => {
  await h.open('/p/script');
  const order = await h.run(() => [...document.body.children].map((e) => e.id || e.tagName.toLowerCase()));
  assert.deepEqual(order, ['before', 'script', 'forum-widget', 'after']);
  assert.equal(await h.text('.title'), TITLE_EN);
  assert.equal(await h.run(() => document.querySelector('forum-widget').shadowRoot.mode), 'open');
  assert.deepEqual(await h.texts('[role=tab]'), ['Summary', 'Speakers and guests', 'Programme']);
  await h.screenshot('script-tag-summary', await h.run(() => document.querySelector('forum-widget')));
  await h.clickTab('Speakers and guests');
  assert.deepEqual(await h.texts('.person .name'), NAMES);
  assert.equal(await h.run(() => getComputedStyle(document.querySelector('forum-widget').shadowRoot.querySelector('#fw-panel-summary')).display), 'none');
  await h.clickTab('Programme');
  assert.deepEqual(await h.texts('.item-title'), ITEMS);
  assert.deepEqual(await h.texts('.item .time'), Array(4).fill('Time not published'));
  assert.deepEqual(await h.run(() => Object.keys(window).filter((k) => /forum/i.test(k))), ['ForumWidget']);
  assert.deepEqual(await h.errors(), []);
});

test('keyboard: only the selected tab is in the tab order; arrows, Home and End move and select', async () => {
  await h.open('/p/script');
  const active = () => h.run(() => {
    const a = document.activeElement?.shadowRoot?.activeElement;
    return a ? `${a.getAttribute('role')}:${a.textContent}:${a.getAttribute('aria-selected')}` : String(document.activeElement?.id || document.activeElement?.tagName);
  });
  // Focus the first tab as a keyboard user arrives at it: it has the roving tabindex 0.
  const first = await h.shadow('[role=tab][aria-selected=true]');
  assert.deepEqual(await h.texts('[role=tab][tabindex="0"]'), ['Summary'], 'only the selected tab is in the tab order');
  await h.run((t) => t.focus(), first);
  assert.equal(await active(), 'tab:Summary:true');
  await first.sendKeys(Key.ARROW_RIGHT);
  await h.until(() => document.querySelector('forum-widget').shadowRoot.activeElement?.textContent === 'Speakers and guests');
  assert.equal(await active(), 'tab:Speakers and guests:true');
  assert.deepEqual(await h.texts('.person .name'), NAMES);
  const focused = async () => h.run(() => document.querySelector('forum-widget').shadowRoot.activeElement);
  await (await focused()).sendKeys(Key.END);
  await h.until(() => document.querySelector('forum-widget').shadowRoot.activeElement?.textContent === 'Programme');
  assert.equal(await active(), 'tab:Programme:true');
  await (await focused()).sendKeys(Key.ARROW_RIGHT);
  await h.until(() => document.querySelector('forum-widget').shadowRoot.activeElement?.textContent === 'Summary');
  assert.equal(await active(), 'tab:Summary:true', 'ArrowRight wraps to the first tab');
  await (await focused()).sendKeys(Key.ARROW_LEFT);
  await h.until(() => document.querySelector('forum-widget').shadowRoot.activeElement?.textContent === 'Programme');
  await (await focused()).sendKeys(Key.HOME);
  await h.until(() => document.querySelector('forum-widget').shadowRoot.activeElement?.textContent === 'Summary');
  assert.equal(await active(), 'tab:Summary:true');
  assert.equal(await h.run(() => document.querySelector('forum-widget').shadowRoot.querySelector('#fw-panel-summary').hidden), false);
});

test('keyboard: Tab from the host page reaches the language menu, then the selected tab', async () => {
  await h.open('/p/tab-order');
  await h.run(() => document.getElementById('host-first').focus());
  const where = () => h.run(() => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement;
    return inner ? `widget ${inner.tagName.toLowerCase()}${inner.getAttribute('role') ? `[role=${inner.getAttribute('role')}]` : ''} ${inner.textContent.slice(0, 20)}` : `page ${a?.id}`;
  });
  const tab = async () => h.driver.actions().sendKeys(Key.TAB).perform();
  await tab();
  assert.match(await where(), /^widget select /, 'the language menu comes first');
  await tab();
  assert.equal(await where(), 'widget button[role=tab] Summary');
  await h.driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
  await h.until(() => document.querySelector('forum-widget').shadowRoot.querySelector('[aria-selected=true]')?.textContent === 'Speakers and guests');
  await tab();
  assert.match(await where(), /^widget /, 'Tab moves on inside the widget, to the shown panel');
  await h.run(() => document.getElementById('host-last').focus());
  await h.driver.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
  assert.match(await where(), /^widget /, 'Shift+Tab from after the widget goes back into it');
});

test('loading="lazy": no wasm until the widget nears the viewport', async () => {
  await h.open('/p/lazy', { count: 0 });
  await h.until(() => window.ForumWidget?.mount);
  await h.run(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wasm = () => h.run(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(await wasm(), 0);
  assert.match(await h.text('.fw-loader-message'), /Loading event/);
  await h.run(() => document.querySelector('forum-widget').scrollIntoView());
  await h.until(() => document.querySelector('forum-widget').shadowRoot.querySelector('.title'));
  assert.equal(await wasm(), 1);
  assert.equal(await h.text('.title'), TITLE_EN);
});

test('<forum-widget> elements before and after the script upgrade; attribute changes update them live', async () => {
  await h.open('/p/elements', { count: 2 });
  assert.equal(await h.text('.title', 0), TITLE_ZH);
  assert.equal(await h.text('[aria-selected=true]', 0), '议程');
  assert.equal(await h.run(() => document.querySelector('#two').shadowRoot.querySelector('[role=tablist]')), null, 'one section: no tab bar');
  assert.equal(await h.run(() => document.querySelectorAll('forum-widget').length), 2, 'data-mount="none" inserts no widget');
  await h.run(() => { const el = document.querySelector('#one'); el.setAttribute('lang', 'en'); el.setAttribute('view', 'speakers'); });
  await h.until(() => document.querySelector('#one').shadowRoot.querySelector('.title').textContent.startsWith('5th'));
  assert.equal(await h.text('[aria-selected=true]', 0), 'Speakers and guests');
  await h.run(() => document.querySelector('#two').setAttribute('sections', 'program,summary'));
  await h.until(() => document.querySelector('#two').shadowRoot.querySelectorAll('[role=tab]').length === 2);
  assert.deepEqual(await h.texts('[role=tab]', 1), ['Programme', 'Summary']);
  assert.equal(await h.run(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1);
  assert.deepEqual(await h.errors(), []);
});

test('hostile host CSS does not change the widget', async () => {
  const look = async (path) => {
    await h.open(path);
    return h.run(() => {
      const root = document.querySelector('forum-widget').shadowRoot;
      return ['.fw', '.title', '.tab', '.tabs', '.facts dd', '.lead', '.sources a'].map((sel) => {
        const el = root.querySelector(sel);
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return [sel, s.color, s.fontFamily, s.fontSize, s.display, s.margin, s.letterSpacing, Math.round(r.width), Math.round(r.height)].join('|');
      });
    });
  };
  const clean = await look('/p/plain');
  assert.deepEqual(await look('/p/hostile'), clean);
  assert.equal(await h.run(() => getComputedStyle(document.querySelector('forum-widget')).display), 'block');
  assert.equal(await h.run(() => getComputedStyle(document.querySelector('section p, section')).color), 'rgb(255, 0, 0)', 'the hostile CSS is in force on the page');
});

test('two script tags give two widgets with their own options, from one wasm fetch', async () => {
  await h.open('/p/two-scripts', { count: 2 });
  assert.deepEqual([await h.text('.title', 0), await h.text('.title', 1)], [TITLE_EN, TITLE_ZH]);
  assert.equal(await h.run(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1);
  assert.deepEqual(await h.errors(), []);
});

test('src renders another event', async () => {
  await h.open('/p/other-event');
  assert.equal(await h.text('.title'), 'Test Summit on Ports');
  assert.deepEqual(await h.texts('.item-title'), ['Welcome', 'Port tour']);
  assert.deepEqual(await h.errors(), []);
});

test('the script works from another origin that sends CORS headers', async () => {
  await h.open('/p/cross-origin');
  assert.equal(await h.text('.title'), TITLE_EN);
  const wasm = await h.run(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.name);
  assert.ok(wasm.startsWith(`${h.crossBase}/dist/`), `wasm from the script's origin: ${wasm}`);
  assert.deepEqual(await h.errors(), [], ENGINE);
});
