// In every engine: theming through custom properties and ::part, theme="light|dark|auto"
// (auto in a light browser; a dark browser is in dark.test.mjs), and widths from 280 to
// 1400 px laid out by container queries with no overflow and no inner scrollbars.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const THEMED = `<style>
  forum-widget.themed {
    --fw-primary: rgb(200, 0, 100); --fw-text: rgb(10, 20, 30); --fw-background: rgb(250, 240, 230);
    --fw-surface: rgb(1, 2, 3); --fw-border: rgb(4, 5, 6); --fw-radius: 13px;
    --fw-font-family: Georgia; --fw-font-size: 19px; --fw-muted: rgb(7, 8, 9);
  }
  forum-widget.themed::part(tab) { text-transform: uppercase; }</style>`;
export const DARK = 'rgb(22, 27, 34)';
export const LIGHT = 'rgb(255, 255, 255)';

let h;
before(async () => {
  h = await start({
    '/p/themed': page(`<forum-widget class="themed" view="speakers"></forum-widget>${LOADER}`, THEMED),
    '/p/themes': page(`<forum-widget theme="dark"></forum-widget><forum-widget theme="auto"></forum-widget><forum-widget theme="light"></forum-widget>${LOADER}`),
    '/p/width': page(`<div id="box"><forum-widget></forum-widget></div>${LOADER}`, '<style>body { margin: 0 }</style>'),
  });
  await h.viewport(1440, 1000);
});
after(() => h?.close());

test('each theme variable and ::part rule set by the host changes the style inside the shadow root', async () => {
  await h.open('/p/themed');
  const style = await h.run(() => {
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
      part: cs('[role=tab]').textTransform,
    };
  });
  assert.deepEqual(style, {
    primary: 'rgb(200, 0, 100)', text: 'rgb(10, 20, 30)', background: 'rgb(250, 240, 230)', surface: 'rgb(1, 2, 3)',
    border: 'rgb(4, 5, 6)', radius: '13px', font: 'Georgia', size: '19px', muted: 'rgb(7, 8, 9)', part: 'uppercase',
  });
  await h.screenshot('themed', await h.run(() => document.querySelector('forum-widget')));
});

test('theme="dark", "auto" and "light" in a browser that prefers light', async () => {
  await h.open('/p/themes', { count: 3 });
  assert.equal(await h.run(() => matchMedia('(prefers-color-scheme: dark)').matches), false);
  const look = await h.run(() => [...document.querySelectorAll('forum-widget')].map((el) => {
    const s = getComputedStyle(el.shadowRoot.querySelector('.fw'));
    return [s.backgroundColor, s.color];
  }));
  assert.deepEqual(look, [[DARK, 'rgb(230, 237, 243)'], [LIGHT, 'rgb(31, 35, 40)'], [LIGHT, 'rgb(31, 35, 40)']]);
  await h.screenshot('themes-light');
});

test('readable from 280 to 1400 px wide: content inside the box, no inner scrollbars, height follows content', async () => {
  await h.open('/p/width');
  const layouts = {};
  for (const width of [280, 375, 768, 1024, 1400]) {
    await h.run((w) => { document.getElementById('box').style.width = `${w}px`; }, width);
    for (const tab of ['Summary', 'Speakers and guests', 'Programme']) {
      await h.clickTab(tab);
      const m = await h.run(() => {
        const host = document.querySelector('forum-widget');
        const root = host.shadowRoot;
        const all = [...root.querySelectorAll('*')];
        const box = host.getBoundingClientRect();
        return {
          hostWidth: Math.round(box.width),
          outside: all.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5); })
            .map((e) => e.className || e.tagName).slice(0, 3),
          scrollers: all.filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible').map((e) => e.className),
          heightGap: Math.abs(box.height - root.querySelector('.fw').getBoundingClientRect().height),
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          // A fact's label and value: side by side, or stacked by the container query.
          factColumns: (() => { const row = root.querySelector('.facts .row'); return row ? getComputedStyle(row).gridTemplateColumns.split(' ').length : 0; })(),
          padding: getComputedStyle(root.querySelector('.fw')).paddingTop,
        };
      });
      assert.equal(m.hostWidth, width);
      assert.deepEqual(m.outside, [], `${width}px ${tab}: content stays inside the widget`);
      assert.deepEqual(m.scrollers, [], `${width}px ${tab}: no inner scrollbars`);
      assert.ok(m.heightGap < 1, `${width}px ${tab}: host height follows content (${m.heightGap})`);
      assert.equal(m.page, 0, `${width}px ${tab}: no horizontal page scrollbar`);
      if (tab === 'Summary') layouts[width] = [m.factColumns, m.padding];
    }
    await h.screenshot(`width-${width}`, await h.run(() => document.querySelector('forum-widget')));
  }
  // Container queries (30em = 480 px): the widget's own width, not the viewport's (1440 px), decides.
  assert.deepEqual(layouts, { 280: [1, '12px'], 375: [1, '12px'], 768: [2, '16px'], 1024: [2, '16px'], 1400: [2, '16px'] });
});
