// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) inside the shadow root for every
// view, theme, language and width; a keyboard-only walk; 200% text at 320 px; reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, page, RESULTS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TABS = { en: ['Summary', 'Speakers and guests', 'Programme'], zh: ['概况', '嘉宾', '议程'] };

let h;
before(async () => {
  const routes = {
    '/p/error': page('<main><h1>Partner</h1><forum-widget src="/nowhere.json" lang="en"></forum-widget></main><script src="/dist/forum-widget.js" async data-mount="none"></script>'),
    '/p/keyboard': page('<main><h1>Partner</h1><a href="#before" id="before">Before</a><forum-widget lang="en"></forum-widget><a href="#after" id="after">After</a></main><script src="/dist/forum-widget.js" async data-mount="none"></script>'),
    '/p/large': page('<main><h1>Partner</h1><forum-widget lang="en"></forum-widget></main><script src="/dist/forum-widget.js" async data-mount="none"></script>',
      '<link rel="stylesheet" href="/p/large.css">'),
    '/p/large.css': (req, res) => res.writeHead(200, { 'Content-Type': 'text/css' }).end('body { margin: 0 } forum-widget { --fw-font-size: 32px }'),
  };
  for (const lang of ['en', 'zh']) {
    for (const theme of ['light', 'dark']) {
      routes[`/p/${lang}-${theme}`] = page(`<main><h1>Partner</h1><forum-widget lang="${lang}" theme="${theme}"></forum-widget></main><script src="/dist/forum-widget.js" async data-mount="none"></script>`);
    }
  }
  h = await start(routes);
});
after(() => h?.close());

async function axe(p) {
  await p.addScriptTag({ path: AXE });
  const result = await p.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).join(' | ')}`);
}

test('axe finds no WCAG A/AA violations: every view × light/dark × en/zh × 320/1280 px', async () => {
  let runs = 0;
  for (const lang of ['en', 'zh']) {
    for (const theme of ['light', 'dark']) {
      for (const width of [320, 1280]) {
        const p = await h.open(`/p/${lang}-${theme}`, { viewport: { width, height: 900 }, colorScheme: theme });
        for (const tab of TABS[lang]) {
          await p.locator('forum-widget [role=tab]', { hasText: tab }).click();
          assert.deepEqual(await axe(p), [], `${lang} ${theme} ${width}px ${tab}`);
          runs += 1;
        }
        await p.close();
      }
    }
  }
  assert.equal(runs, 24);
});

test('axe finds no violations in the error state, which is announced politely', async () => {
  const p = await h.open('/p/error');
  const error = p.locator('forum-widget .error');
  assert.equal(await error.getAttribute('role'), 'status');
  assert.equal(await error.getAttribute('aria-live'), 'polite');
  assert.deepEqual(await axe(p), []);
  await p.close();
});

/** The element focused inside the widget's shadow root (or the page's), as text. */
const focused = (p) => p.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const s = getComputedStyle(el);
  return {
    id: el.id, tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), text: el.textContent.trim().slice(0, 40),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    inWidget: el.getRootNode() !== document,
  };
});

test('keyboard only: Tab reaches everything with a visible focus ring; arrows, Enter and Space work', async () => {
  const p = await h.open('/p/keyboard');
  await p.locator('#before').focus();
  const reached = [];
  for (let i = 0; i < 60; i++) {
    await p.keyboard.press('Tab');
    const f = await focused(p);
    if (f.id === 'after') break;
    assert.ok(f.inWidget, `focus left the widget early at ${JSON.stringify(f)}`);
    assert.ok(f.ring, `no focus ring on ${JSON.stringify(f)}`);
    reached.push(f);
  }
  assert.equal(reached.at(-1) && (await focused(p)).id, 'after', 'Tab leaves the widget at its end');
  const tabStops = reached.map((f) => f.role === 'tab' ? `tab:${f.text}` : f.tag);
  assert.ok(tabStops.includes('select'), 'the language menu is reachable');
  assert.deepEqual(tabStops.filter((s) => s.startsWith('tab:')), ['tab:Summary'], 'one tab stop for the tab list');
  assert.ok(reached.some((f) => f.tag === 'a'), 'the source link is reachable');

  // Every focusable element of the summary view was reached.
  const focusable = await p.evaluate(() => [...document.querySelector('forum-widget').shadowRoot
    .querySelectorAll('a[href], button, select, [tabindex="0"]')].filter((e) => !e.closest('[hidden]') && e.tabIndex >= 0).length);
  assert.equal(reached.length, focusable);

  // Arrows move between tabs; the page does not scroll.
  await p.locator('forum-widget [role=tab][aria-selected=true]').focus();
  const scroll = await p.evaluate(() => window.scrollY);
  await p.keyboard.press('ArrowRight');
  assert.equal((await focused(p)).text, 'Speakers and guests');
  assert.equal(await p.locator('forum-widget [role=tab][aria-selected=true]').textContent(), 'Speakers and guests');
  assert.equal(await p.evaluate(() => window.scrollY), scroll, 'switching tabs does not move page scroll');
  await p.keyboard.press('End');
  assert.equal((await focused(p)).text, 'Programme');

  // Enter on a speaker link opens the speaker; Space on a programme link opens the item.
  await p.keyboard.press('Tab');
  assert.equal((await focused(p)).role, 'tabpanel');
  await p.keyboard.press('Tab');
  const link = await focused(p);
  assert.equal(link.tag, 'button');
  assert.ok(link.text.startsWith('Xu Xiaolan'));
  await p.keyboard.press('Enter');
  assert.equal((await focused(p)).id, 'fw-person-xu-xiaolan');
  assert.equal(await p.locator('forum-widget [role=tab][aria-selected=true]').textContent(), 'Speakers and guests');
  await p.keyboard.press('Tab');
  assert.equal((await focused(p)).text, 'Opening ceremony');
  await p.keyboard.press('Space');
  assert.equal((await focused(p)).id, 'fw-item-opening-ceremony');
  await p.close();
});

test('200% text at 320 px wide: nothing is cut off or scrolls sideways', async () => {
  const p = await h.open('/p/large', { viewport: { width: 320, height: 800 } });
  for (const tab of TABS.en) {
    await p.locator('forum-widget [role=tab]', { hasText: tab }).click();
    const m = await p.evaluate(() => {
      const host = document.querySelector('forum-widget');
      const width = host.getBoundingClientRect().right;
      const items = [...host.shadowRoot.querySelectorAll('*')];
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        outside: items.filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.getClientRects().length).map((e) => e.className),
        font: getComputedStyle(host.shadowRoot.querySelector('.fw')).fontSize,
      };
    });
    assert.equal(m.font, '32px');
    assert.equal(m.page, 0, `${tab}: horizontal scrollbar`);
    assert.deepEqual(m.outside, [], `${tab}: content past the right edge`);
  }
  await p.screenshot({ path: `${RESULTS}/zoom-200-320px.png`, fullPage: true });
  await p.close();
});

test('reduced motion: transitions are switched off', async () => {
  const durations = async (reducedMotion) => {
    const p = await h.open('/p/en-light', { reducedMotion });
    const d = await p.evaluate(() => [...document.querySelector('forum-widget').shadowRoot.querySelectorAll('*')]
      .map((e) => getComputedStyle(e)).filter((s) => s.transitionDuration.split(',').some((x) => parseFloat(x) > 0) || s.animationName !== 'none').length);
    await p.close();
    return d;
  };
  assert.ok((await durations('no-preference')) > 0, 'the tabs do animate normally');
  assert.equal(await durations('reduce'), 0);
});
