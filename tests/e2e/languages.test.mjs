// End-to-end tests of languages, dates and time zones in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, page, RESULTS, texts, wasmFetches, waitForWidgets } from './harness.mjs';

const LANGS = { en: 'en-GB', zh: 'zh-CN', sr: 'sr-Latn', pl: 'pl', bs: 'bs', ka: 'ka' };
/** The built-in forum's name in each language, as the data writes it (Serbian under sr-Latn). */
const NAMES = JSON.parse(readFileSync(new URL('../../data/forum-2023.json', import.meta.url), 'utf8')).name;
const title = (lang) => NAMES[lang === 'sr' ? 'sr-Latn' : lang];
const script = (attrs = '') => `<script src="/dist/forum-widget.js" async ${attrs}></script>`;

let h;
before(async () => {
  const routes = {
    '/p/html-pl': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="pl"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${script()}</body></html>`);
    },
    '/p/no-switcher': page(script('data-language-switcher="off"')),
    '/p/timed': page(script('data-src="/tests/fixtures/timed-event.json" data-view="program"')),
  };
  for (const lang of Object.keys(LANGS)) routes[`/p/${lang}`] = page(script(`data-lang="${lang}"`));
  h = await start(routes);
});
after(() => h?.close());

/**
 * The forum's date and zone as Node's full ICU writes them in `locale`: a reference
 * independent of the browser, whose ICU may lack a language (Debian's Chromium has no
 * Georgian); there the widget writes the date itself and names the zone by its offset.
 */
async function expectedDate(p, locale) {
  const browserHasIt = await p.evaluate((l) => Intl.DateTimeFormat.supportedLocalesOf([l]).length > 0 &&
    !/^M\d+$/.test(new Intl.DateTimeFormat(l, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 10, 13))), locale);
  // In Chinese the widget names China's zone 北京时间 (README, Languages).
  const beijing = locale.startsWith('zh') && browserHasIt;
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 10, 13)),
    zone: beijing ? '北京时间' : browserHasIt
      ? new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', timeZoneName: 'long' })
        .formatToParts(Date.UTC(2023, 10, 13, 4)).find((x) => x.type === 'timeZoneName').value
      : 'UTC+8',
  };
}

test('the widget renders in each of the six languages, with dates in the event zone', async () => {
  const englishTabs = ['Summary', 'Speakers and guests', 'Programme'];
  for (const [lang, locale] of Object.entries(LANGS)) {
    const p = await h.open(`/p/${lang}`, { viewport: { width: 900, height: 1000 }, timezoneId: 'America/New_York' });
    assert.equal(await p.locator('forum-widget .fw').getAttribute('lang'), lang === 'sr' ? 'sr-Latn' : lang);
    assert.equal(await p.locator('forum-widget .title').textContent(), title(lang));
    const tabs = await texts(p, '[role=tab]');
    if (lang !== 'en') for (const tab of tabs) assert.ok(!englishTabs.includes(tab), `${lang}: tab "${tab}" is translated`);
    const { date, zone } = await expectedDate(p, locale);
    const facts = await p.locator('forum-widget .facts').textContent();
    assert.ok(facts.includes(date), `${lang}: "${date}" in ${facts}`);
    assert.ok(facts.includes(zone), `${lang}: "${zone}" in ${facts}`);
    assert.ok((await p.locator('forum-widget .status').textContent()).includes(date), `${lang}: status names the date`);
    if (lang !== 'en') {
      assert.notEqual(await p.locator('forum-widget .lead > bdi').getAttribute('lang'), 'en', `${lang}: the summary is in ${lang}, not English`);
    }
    await p.screenshot({ path: `${RESULTS}/lang-${lang}.png`, fullPage: true });
    assert.deepEqual(p.consoleErrors, []);
    await p.close();
  }
});

test("the host page's <html lang> is honoured, and texts in the reader's language are not marked", async () => {
  const p = await h.open('/p/html-pl');
  assert.equal(await p.locator('forum-widget .fw').getAttribute('lang'), 'pl');
  assert.deepEqual(await texts(p, '[role=tab]'), ['Przegląd', 'Prelegenci i goście', 'Program']);
  await p.locator('forum-widget [role=tab]', { hasText: 'Prelegenci' }).click();
  assert.equal(await p.locator('forum-widget #fw-person-adam-struzik .role').textContent(), 'Marszałek Województwa Mazowieckiego');
  assert.equal(await p.locator('forum-widget #fw-person-adam-struzik .role [lang]').count(), 0);
  assert.match(await p.locator('forum-widget .people-count').textContent(), /^5 osób, w tym 3 prelegenci$/);
  await p.close();
});

test('the switcher changes the language without reloading; it can be turned off', async () => {
  const p = await h.open('/p/en');
  await p.evaluate(() => { window.marker = 'still here'; });
  await p.locator('forum-widget .lang-switch select').selectOption('ka');
  await p.waitForFunction(() => document.querySelector('forum-widget').shadowRoot.querySelector('.fw').lang === 'ka');
  assert.deepEqual(await texts(p, '[role=tab]'), ['მიმოხილვა', 'მომხსენებლები და სტუმრები', 'პროგრამა']);
  assert.equal(await p.evaluate(() => window.marker), 'still here');
  assert.equal(await wasmFetches(p), 1);
  await p.locator('forum-widget .lang-switch select').selectOption('zh');
  await p.waitForFunction(() => document.querySelector('forum-widget').shadowRoot.querySelector('.title').textContent.startsWith('第五届'));
  await p.close();

  const off = await h.open('/p/no-switcher');
  assert.equal(await off.locator('forum-widget .lang-switch').count(), 0);
  await off.close();
});

test("with the browser in Europe/Belgrade, a timed item shows the reader's local time beside the event's", async () => {
  const p = await h.open('/p/timed', { timezoneId: 'Europe/Belgrade' });
  const times = await texts(p, '.item .time');
  assert.match(times[0], /^09:30–10:00 \(your time: 02:30–03:00 (CET|GMT\+1)\)$/);
  assert.match(times[1], /^16:15 \(your time: 09:15 (CET|GMT\+1)\)$/);
  assert.equal(times[2], 'Time not published');
  assert.match(await p.locator('forum-widget .zone-note').textContent(), /China Standard Time/);
  await p.close();

  const local = await h.open('/p/timed', { timezoneId: 'Asia/Shanghai' });
  assert.deepEqual((await texts(local, '.item .time')).slice(0, 2), ['09:30–10:00', '16:15'], 'no local time when the zones agree');
  await local.close();

  const far = await h.open('/p/timed', { timezoneId: 'America/Los_Angeles' });
  assert.match((await texts(far, '.item .time'))[0], /^09:30–10:00 \(your time: 12 Nov, 17:30–18:00 (PST|GMT-8)\)$/);
  await far.close();
});

/** The three sections' panels in the widget's shadow root, each rendered once opened. */
async function openAll(p) {
  for (const panel of ['summary', 'speakers', 'program']) {
    await p.locator(`forum-widget [role=tab][aria-controls=fw-panel-${panel}]`).click();
    await p.locator(`forum-widget #fw-panel-${panel} > *`).first().waitFor({ timeout: 5000 });
  }
}

/**
 * Elements inside the three sections marked with a language other than `lang` (the
 * interface's, by primary subtag), except people's names (`.name`, `.alt-name`) and
 * the calendar services' own names.
 */
const foreignMarked = (p, lang) => p.evaluate((lang) => {
  const root = document.querySelector('forum-widget').shadowRoot;
  const primary = (tag) => tag.split('-')[0].toLowerCase();
  return [...root.querySelectorAll('[role=tabpanel] [lang]')]
    .filter((el) => primary(el.lang) !== primary(lang))
    .filter((el) => !el.closest('.name, .alt-name') && !el.matches('.calendar a'))
    .map((el) => `${el.lang}: ${el.textContent}`);
}, lang);

/** Texts of the three sections shown in English, names and figures left out. */
const englishTexts = async (p) => p.evaluate(() => {
  const root = document.querySelector('forum-widget').shadowRoot;
  const out = new Set();
  const walk = root.querySelectorAll('[role=tabpanel]');
  for (const panel of walk) {
    const it = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
    for (let n = it.nextNode(); n; n = it.nextNode()) {
      const text = n.textContent.trim();
      // Phrases only: one-word names of places and countries are the same in many languages.
      if (text.length > 3 && /[a-z]{3}/.test(text) && /\S\s+\S/.test(text) && !n.parentElement.closest('.name, .alt-name, .calendar a')) out.add(text);
    }
  }
  return [...out];
});

test('in sr, pl, bs, ka and zh the summary, people and programme have no text in another language but names', async () => {
  const en = await h.open('/p/en', { viewport: { width: 390, height: 900 } });
  await openAll(en);
  const english = await englishTexts(en);
  assert.ok(english.some((t) => t.includes('Opening ceremony')), 'the English reference has the programme');
  await en.close();
  for (const lang of ['sr', 'pl', 'bs', 'ka', 'zh']) {
    const p = await h.open(`/p/${lang}`, { viewport: { width: 390, height: 900 } });
    await openAll(p);
    const tag = await p.locator('forum-widget .fw').getAttribute('lang');
    assert.deepEqual(await foreignMarked(p, tag), [], `${lang}: no text marked as another language`);
    const shown = new Set(await englishTexts(p));
    const leaked = english.filter((t) => shown.has(t));
    assert.deepEqual(leaked, [], `${lang}: no English text of the English view`);
    assert.deepEqual(p.consoleErrors, []);
    await p.close();
  }
});

test('the Chinese views have no ASCII comma, colon, semicolon or bracket beside Chinese text', async () => {
  const p = await h.open('/p/zh', { viewport: { width: 390, height: 900 } });
  await openAll(p);
  const panels = await p.evaluate(() => [...document.querySelector('forum-widget').shadowRoot.querySelectorAll('[role=tabpanel]')]
    .map((panel) => panel.textContent));
  assert.equal(panels.length, 3);
  const cjk = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
  const ascii = '[,:;()\\[\\]]';
  const bad = new RegExp(`${cjk}\\s*${ascii}|${ascii}\\s*${cjk}`, 'g');
  for (const text of panels) {
    const found = [...text.matchAll(bad)].map((m) => text.slice(Math.max(0, m.index - 8), m.index + 10));
    assert.deepEqual(found, [], 'ASCII punctuation beside Chinese text');
  }
  const facts = await p.locator('forum-widget .facts').textContent();
  assert.match(facts, /2023年11月13日（北京时间）/);
  assert.match(facts, /中国河北省沧州市中国—中东欧国家（沧州）中小企业合作区/);
  assert.match(await p.locator('forum-widget .figures').textContent(), /近400人参会/);
  await p.close();
});

test('at 390 px no separator starts a line; screenshots of the Chinese and Polish sections', async () => {
  for (const lang of ['zh', 'pl']) {
    const p = await h.open(`/p/${lang}`, { viewport: { width: 390, height: 900 } });
    for (const panel of ['summary', 'speakers', 'program']) {
      await p.locator(`forum-widget [role=tab][aria-controls=fw-panel-${panel}]`).click();
      await p.locator(`forum-widget #fw-panel-${panel} > *`).first().waitFor({ timeout: 5000 });
      // The first character of each line box of the section: never a separator.
      const lineStarts = await p.evaluate((panel) => {
        const root = document.querySelector('forum-widget').shadowRoot.getElementById(`fw-panel-${panel}`);
        const chars = [];
        const it = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = it.nextNode(); n; n = it.nextNode()) {
          for (let i = 0; i < n.length; i++) {
            if (/\s/.test(n.data[i])) continue;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && rect.width > 0) chars.push({ ch: n.data[i], top: Math.round(rect.top), left: rect.left });
          }
        }
        // Per line (same top), the leftmost character.
        const lines = new Map();
        for (const c of chars) {
          const key = [...lines.keys()].find((t) => Math.abs(t - c.top) <= 3) ?? c.top;
          const first = lines.get(key);
          if (!first || c.left < first.left) lines.set(key, c);
        }
        return [...lines.values()].map((c) => c.ch);
      }, panel);
      assert.ok(lineStarts.length > 5, `${lang} ${panel}: lines found`);
      for (const ch of lineStarts) assert.ok(!/[,;:、，；：·]/.test(ch), `${lang} ${panel}: a line starts with "${ch}"`);
      await p.screenshot({ path: `${RESULTS}/narrow-${lang}-${panel}.png`, fullPage: true });
    }
    await p.close();
  }
});
