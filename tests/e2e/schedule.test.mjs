// A large programme from a `src`, end to end in Chromium: FOSDEM 2025 (read from
// ../shared/realdata, never copied) in its three layouts; counts checked against an
// independent reading of the XML; axe-core in every layout, theme and language; a
// keyboard walk into an item's detail and back; the event's "now" before, during and
// after it; deep links in the page's hash with Back and Forward; stars in localStorage,
// their calendar file read back by Python's icalendar, and the share link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { start, page, ROOT, RESULTS, waitForWidgets } from './harness.mjs';

const XML_FILE = `${ROOT}../shared/realdata/frab-xml/fosdem-2025.pentabarf.xml`;
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PYTHON = `${ROOT}.venv/bin/python`;
const readIcs = (path) => JSON.parse(execFileSync(PYTHON, [`${ROOT}tests/e2e/read_exports.py`, 'ics', path], { encoding: 'utf8' }));

const BEFORE = '2025-01-20T12:00+01:00';
const DURING = '2025-02-01T10:05+01:00';
const AFTER = '2025-03-01T12:00+01:00';
const LAYOUTS = ['timetable', 'grouped', 'list'];

// ---------------------------------------------------------------------------------------
// An independent reading of the XML: days, their events (guid, title, room, start,
// duration) and the conference's title, by regular expressions over the text.

const unescapeXml = (s) => s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (m, name, dec, hex) => (
  dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16))
    : { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()]));

function readXml(text) {
  const days = new Map();
  for (const [, date, body] of text.matchAll(/<day\b[^>]*\bdate="([^"]+)"[^>]*>([\s\S]*?)<\/day>/g)) {
    const events = [...body.matchAll(/<event\b[^>]*\bguid="([^"]+)"[^>]*>([\s\S]*?)<\/event>/g)].map(([, guid, e]) => ({
      guid,
      title: unescapeXml(e.match(/<title>([^<]*)<\/title>/)[1]),
      room: unescapeXml(e.match(/<room>([^<]*)<\/room>/)[1]),
      start: e.match(/<start>([^<]*)<\/start>/)[1],
      duration: e.match(/<duration>([^<]*)<\/duration>/)[1],
    }));
    days.set(date, events);
  }
  const conference = text.match(/<conference>([\s\S]*?)<\/conference>/)[1];
  return { days, title: unescapeXml(conference.match(/<title>([^<]*)<\/title>/)[1]) };
}

let h;
let xml;
before(async () => {
  xml = readXml(await readFile(XML_FILE, 'utf8'));
  const widget = (attrs) => `<forum-widget lang="en" view="program" src="/fosdem.xml" ${attrs}></forum-widget>`;
  const routes = {
    '/fosdem.xml': async (req, res) => res.writeHead(200, { 'Content-Type': 'application/xml' }).end(await readFile(XML_FILE)),
    '/p/auto': page(`<main><h1>Partner</h1>${widget(`now="${DURING}"`)}</main>${LOADER}`),
    '/p/counts': page(`<main><h1>Partner</h1>${widget(`layout="timetable" now="${BEFORE}"`)}</main>${LOADER}`),
    '/p/keyboard': page(`<main><h1>Partner</h1><a href="#before" id="before">Before</a>${widget(`now="${BEFORE}"`)}<a href="#after" id="after">After</a></main>${LOADER}`),
    '/p/now-before': page(`<main><h1>Partner</h1>${widget(`layout="timetable" now="${BEFORE}"`)}</main>${LOADER}`),
    '/p/now-during': page(`<main><h1>Partner</h1>${widget(`layout="timetable" now="${DURING}"`)}</main>${LOADER}`),
    '/p/now-after': page(`<main><h1>Partner</h1>${widget(`layout="timetable" now="${AFTER}"`)}</main>${LOADER}`),
    '/p/now-day2': page(`<main><h1>Partner</h1>${widget('layout="timetable" now="2025-02-02T11:00+01:00"')}</main>${LOADER}`),
    '/p/now-afternoon': page(`<main><h1>Partner</h1>${widget('layout="timetable" now="2025-02-01T16:05+01:00"')}</main>${LOADER}`),
    '/p/links': page(`<main><h1>Partner</h1><h2 id="intro">Intro</h2>${widget(`layout="timetable" now="${BEFORE}"`)}</main>${LOADER}`),
    '/p/links-off': page(`<main><h1>Partner</h1><h2 id="intro">Intro</h2>${widget(`layout="timetable" links="off" now="${BEFORE}"`)}</main>${LOADER}`),
    '/p/stars': page(`<main><h1>Partner</h1>${widget(`layout="timetable" now="${BEFORE}"`)}</main>${LOADER}`),
    '/p/favourites-off': page(`<main><h1>Partner</h1>${widget(`layout="timetable" favourites="off" now="${BEFORE}"`)}</main>${LOADER}`),
  };
  for (const lang of ['en', 'zh']) {
    for (const theme of ['light', 'dark']) {
      for (const layout of LAYOUTS) {
        // During the event: the now line, entries under way and entries over are all shown.
        routes[`/p/axe-${lang}-${theme}-${layout}`] = page(`<main><h1>Partner</h1><forum-widget lang="${lang}" theme="${theme}" view="program" src="/fosdem.xml" layout="${layout}" now="${DURING}"></forum-widget></main>${LOADER}`);
      }
    }
  }
  h = await start(routes);
});
after(() => h?.close());

/** Opens a partner page and waits for the programme's status line. */
async function open(path, options = {}) {
  const p = await h.open(path, { viewport: { width: 1400, height: 900 }, ...options });
  p.setDefaultTimeout(10000);
  await p.locator('forum-widget .results').waitFor({ timeout: 20000 });
  return p;
}

const W = (selector) => `forum-widget ${selector}`;
const results = (p) => p.locator(W('.results')).textContent();
const pressedLayout = (p) => p.locator(W('button.layout[aria-pressed="true"]')).allTextContents();
// The select inside the label whose own text is "Day" (the select's accessible name also
// holds its chosen option's text, so getByLabel with an exact name does not find it).
const daySelect = (p) => p.locator(W('.filters label.filter')).filter({ has: p.locator('span', { hasText: /^Day$/ }) }).locator('select');
const caption = (p) => p.locator(W('table.timetable caption')).textContent();
/** Waits for the timetable's rows after the first screen (drawn after the first paint). */
const complete = (p) => p.locator(W('table.timetable:not([aria-busy])')).waitFor();
const storage = (p) => p.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
const hash = (p) => p.evaluate(() => location.hash);

/** Waits until `fn()` (in Node) returns a truthy value; fails with `what` after `ms`. */
async function until(fn, what, ms = 5000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** The deepest focused element: inside the widget's shadow root if it is there. */
const focused = (p) => p.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return {
    id: el.id,
    tag: el.tagName.toLowerCase(),
    cls: el.className,
    text: el.textContent.trim(),
    entry: el.closest('.entry')?.id ?? null,
    inWidget: el.getRootNode() !== document,
  };
});

/** Minutes after midnight of "09:45". */
const minutesOf = (clock) => {
  const [hh, mm] = clock.split(':').map(Number);
  return hh * 60 + mm;
};
/** The [start, end) minutes of an entry's time text "09:45–10:25" (event's zone). */
function span(timeText) {
  const m = timeText.match(/(\d{1,2}:\d{2})\s*[–-]\s*(\d{1,2}:\d{2})/);
  assert.ok(m, `an entry time with a start and an end: ${timeText}`);
  return [minutesOf(m[1]), minutesOf(m[2])];
}

// ---------------------------------------------------------------------------------------

test('the layout follows the widget\'s width; no sideways scroll; timetable room headers stay visible', async () => {
  const expected = { 320: ['List', 'ol.program.entries'], 768: ['By time', '.groups section.group'], 1400: ['Timetable', 'table.timetable'] };
  for (const [width, [layout, structure]] of Object.entries(expected)) {
    const p = await open('/p/auto', { viewport: { width: Number(width), height: 900 } });
    assert.deepEqual(await pressedLayout(p), [layout], `${width}px: the layout in force`);
    assert.ok((await p.locator(W(`.schedule ${structure}`)).count()) > 0, `${width}px: ${structure} in .schedule`);
    for (const other of Object.values(expected).map(([, s]) => s).filter((s) => s !== structure)) {
      assert.equal(await p.locator(W(other)).count(), 0, `${width}px: no ${other}`);
    }
    const dayOptions = await daySelect(p).locator('option').allTextContents();
    assert.equal(dayOptions.includes('All'), layout === 'List', `${width}px: "All" days only in the list: ${dayOptions}`);
    await p.screenshot({ path: `${RESULTS}/schedule-${width}.png` });
    const overflow = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(overflow[0] <= overflow[1], `${width}px: the page scrolls sideways (${overflow[0]} > ${overflow[1]})`);

    if (layout === 'Timetable') {
      const m = await p.evaluate(async () => {
        const root = document.querySelector('forum-widget').shadowRoot;
        const box = root.querySelector('.schedule');
        box.scrollTop = 6000;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const s = box.getBoundingClientRect();
        const heads = [...root.querySelectorAll('thead th.room-head')].map((th) => {
          const r = th.getBoundingClientRect();
          const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { top: r.top, bottom: r.bottom, onTop: hit?.closest('th') === th, text: th.textContent };
        });
        const firstRow = root.querySelector('tbody tr').getBoundingClientRect();
        return { scrollTop: box.scrollTop, boxTop: s.top, boxHeight: s.height, heads, firstRowBottom: firstRow.bottom };
      });
      assert.ok(m.scrollTop > 2000, `the schedule scrolled a lot (scrollTop ${m.scrollTop})`);
      assert.ok(m.firstRowBottom < m.boxTop, 'the first row has scrolled out of the box');
      assert.ok(m.heads.length > 1, 'room headers');
      for (const head of m.heads) {
        assert.ok(head.top >= m.boxTop - 1 && head.top <= m.boxTop + 4, `${head.text}: stuck to the top of the box (top ${head.top}, box ${m.boxTop})`);
        assert.ok(head.bottom <= m.boxTop + m.boxHeight / 4, `${head.text}: within the box's top area`);
        assert.ok(head.onTop, `${head.text}: not covered by the rows under it`);
      }
      await p.screenshot({ path: `${RESULTS}/schedule-1400-scrolled.png` });
    }
    assert.deepEqual(p.consoleErrors, []);
    await p.close();
  }
});

test('the counts agree with an independent reading of the XML', async () => {
  const day1 = xml.days.get('2025-02-01');
  const day2 = xml.days.get('2025-02-02');
  assert.ok(day1?.length > 8 && day2?.length > 8, 'both days read from the XML');
  const total = [...xml.days.values()].reduce((n, d) => n + d.length, 0);
  const p = await open('/p/counts');
  assert.equal(await daySelect(p).locator('option:checked').textContent(), '1 February 2025');
  // The status line counts the entries on screen: those in the rooms of the first page.
  const firstHeads = await p.locator(W('thead th.room-head')).allTextContents();
  const onScreen = day1.filter((e) => firstHeads.includes(e.room)).length;
  assert.ok(onScreen > 0 && onScreen < day1.length, `${onScreen} of ${day1.length} in the first rooms`);
  assert.equal(await results(p), `${onScreen} of ${day1.length} shown`);
  assert.match(await p.locator(W('.zone-note')).textContent(), new RegExp(`\\b${total} programme items\\b`));

  // Every room page of the timetable together holds exactly the day's events, in the day's rooms.
  const rooms1 = new Set(day1.map((e) => e.room));
  assert.match(await p.locator(W('.rooms-pager [role=status]')).textContent(), new RegExp(`^Rooms 1–\\d+ of ${rooms1.size}$`));
  const ids = new Set();
  const heads = new Set();
  for (let pageNo = 0; pageNo < 40; pageNo++) {
    await complete(p);
    for (const id of await p.locator(W('table.timetable .entry')).evaluateAll((es) => es.map((e) => e.id))) ids.add(id);
    for (const room of await p.locator(W('thead th.room-head')).allTextContents()) heads.add(room);
    const next = p.locator(W('.rooms-pager button.page[aria-label="Next rooms"]'));
    if (await next.isDisabled()) break;
    await next.click();
  }
  assert.deepEqual([...heads].sort(), [...rooms1].sort(), 'the room columns are the day\'s rooms');
  assert.deepEqual([...ids].sort(), day1.map((e) => `fw-item-${e.guid}`).sort(), 'the timetable holds the day\'s events');

  // The reader picks the rooms shown: leaving one out removes its column and its entries.
  await p.locator(W('.room-picker summary')).click();
  const choice = p.locator(W('.room-choices label')).first();
  const left = (await choice.textContent()).trim();
  assert.ok(rooms1.has(left), `${left} is a room of the day`);
  await choice.locator('input').uncheck();
  await until(async () => /of (\d+)$/.exec(await p.locator(W('.rooms-pager [role=status]')).textContent())?.[1] === String(rooms1.size - 1), 'one room fewer');
  assert.ok(!(await p.locator(W('thead th.room-head')).allTextContents()).includes(left), `${left} is no longer a column`);
  await complete(p);
  const shownNow = await p.locator(W('table.timetable .entry')).evaluateAll((es) => es.map((e) => e.id));
  const leftIds = new Set(day1.filter((e) => e.room === left).map((e) => `fw-item-${e.guid}`));
  assert.ok(shownNow.length > 0 && shownNow.every((id) => !leftIds.has(id)), 'none of its entries is shown');
  await p.locator(W('.room-choices button.link')).click();
  await until(async () => (await p.locator(W('.rooms-pager [role=status]')).textContent()).endsWith(`of ${rooms1.size}`), 'every room again');

  await daySelect(p).selectOption({ label: '2 February 2025' });
  await until(async () => (await results(p)).endsWith(` of ${day2.length} shown`), `day 2: … of ${day2.length}`);
  await p.close();
});

async function axe(p) {
  if (!(await p.evaluate(() => !!window.axe))) await p.addScriptTag({ path: AXE });
  const result = await p.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.length} nodes, e.g. ${v.nodes.slice(0, 2).map((n) => `${n.target.join(' > ')} (${n.any.map((a) => a.message).join('; ')})`).join(' | ')}`);
}

test('axe finds no violations: each layout × light/dark × en/zh, and the item detail', async () => {
  const found = {};
  let runs = 0;
  for (const lang of ['en', 'zh']) {
    for (const theme of ['light', 'dark']) {
      for (const layout of LAYOUTS) {
        const p = await open(`/p/axe-${lang}-${theme}-${layout}`, { viewport: { width: 1280, height: 900 }, colorScheme: theme });
        // The layout asked for is in force, in the language asked for.
        const pressed = await p.locator(W('button.layout')).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
        assert.deepEqual(pressed, LAYOUTS.map((l) => String(l === layout)), `${lang} ${theme} ${layout}`);
        assert.equal(await p.locator(W('.fw')).getAttribute('lang'), lang);
        const v = await axe(p);
        runs += 1;
        if (v.length) found[`${lang} ${theme} ${layout}`] = v;
        if (layout === 'timetable') {
          const id = await p.locator(W('table.timetable .entry')).first().getAttribute('id');
          await p.locator(W(`#${id} button.entry-title`)).click();
          await p.locator(W(`.detail article#${id}`)).waitFor();
          const d = await axe(p);
          runs += 1;
          if (d.length) found[`${lang} ${theme} detail`] = d;
        }
        await p.close();
      }
    }
  }
  assert.equal(runs, 16);
  assert.deepEqual(found, {});
});

test('keyboard: Tab reaches an entry title, Enter opens the detail, Back returns focus to the entry', async () => {
  const p = await open('/p/keyboard');
  await p.locator('#before').focus();
  let reached = null;
  for (let i = 0; i < 60 && !reached; i++) {
    await p.keyboard.press('Tab');
    const f = await focused(p);
    assert.notEqual(f.id, 'after', 'Tab left the widget without reaching an entry title');
    if (f.cls.split(' ').includes('entry-title')) reached = f;
  }
  assert.ok(reached, 'an entry title within 60 Tab presses');
  assert.ok(reached.inWidget && reached.entry?.startsWith('fw-item-'), JSON.stringify(reached));

  await p.keyboard.press('Enter');
  const article = await until(async () => {
    const f = await focused(p);
    return f.tag === 'article' && f;
  }, 'focus on the detail article');
  assert.equal(article.id, reached.entry, 'the detail of the entry that was opened');
  assert.equal(await p.locator(W('.detail .item-title')).textContent(), reached.text);

  // Back is just before the article.
  await p.keyboard.press('Shift+Tab');
  const back = await focused(p);
  assert.match(back.cls, /\bback\b/, `Shift+Tab from the article reaches Back: ${JSON.stringify(back)}`);
  await p.keyboard.press('Enter');
  await p.locator(W('.detail')).waitFor({ state: 'detached' });
  let returned;
  for (let i = 0; i < 20; i++) {
    returned = await focused(p);
    if (returned.entry === reached.entry) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(returned.entry, reached.entry, `focus returns to the entry: ${JSON.stringify(returned)}`);
  await p.close();
});

test('now: before, during and after the event; under-way entries span the clock; Jump to now scrolls the schedule only', async () => {
  const now = minutesOf('10:05');
  for (const [path, during] of [['/p/now-before', false], ['/p/now-during', true], ['/p/now-after', false]]) {
    const p = await open(path);
    assert.equal(await daySelect(p).locator('option:checked').textContent(), '1 February 2025', path);
    assert.equal(await p.locator(W('tr.now')).count(), during ? 1 : 0, `${path}: now line`);
    assert.equal(await p.locator(W('button.jump')).count(), during ? 1 : 0, `${path}: Jump to now`);
    const underWay = await p.locator(W('.entry.under-way')).evaluateAll((es) => es.map((e) => ({
      id: e.id, time: e.querySelector('.time').textContent, badge: e.querySelector('.now-badge')?.textContent ?? null,
    })));
    if (!during) {
      assert.deepEqual(underWay, [], `${path}: nothing under way`);
      assert.equal(await p.locator(W('.entry.past')).count(), 0, `${path}: nothing marked over while the event is not on`);
      await p.close();
      continue;
    }
    assert.ok(underWay.length > 0, 'entries under way at 10:05');
    for (const e of underWay) {
      const [from, to] = span(e.time);
      assert.ok(from <= now && now < to, `${e.id} is under way but its time is ${e.time}`);
      assert.equal(e.badge, 'Under way', `${e.id} says so in words`);
    }
    // And every entry shown that spans 10:05 is marked.
    const all = await p.locator(W('table.timetable .entry')).evaluateAll((es) => es.map((e) => ({
      id: e.id, time: e.querySelector('.time').textContent, underWay: e.classList.contains('under-way'), past: e.classList.contains('past'),
    })));
    for (const e of all) {
      const [from, to] = span(e.time);
      assert.equal(e.underWay, from <= now && now < to, `${e.id} ${e.time}: under way?`);
      assert.equal(e.past, to <= now, `${e.id} ${e.time}: over?`);
    }
    const nowRow = p.locator(W('tr.now th.time-row'));
    assert.equal(await nowRow.locator('.now-label').textContent(), 'Now');
    assert.ok(minutesOf(await nowRow.locator('time').textContent()) <= now, 'the now row starts at or before 10:05');
    // Tomorrow is not under way: no now line, no Jump to now, nothing marked under way.
    await daySelect(p).selectOption({ label: '2 February 2025' });
    await until(async () => (await caption(p)) === '2 February 2025', 'day 2 shown');
    assert.equal(await p.locator(W('tr.now')).count(), 0, 'no now line on day 2');
    assert.equal(await p.locator(W('button.jump')).count(), 0, 'no Jump to now on day 2');
    assert.equal(await p.locator(W('.entry.under-way')).count(), 0, 'nothing under way on day 2');
    await p.close();
  }

  // A clock on the second day shows that day first.
  const second = await open('/p/now-day2');
  assert.equal(await caption(second), '2 February 2025');
  assert.equal(await second.locator(W('tr.now')).count(), 1);
  await second.close();

  // Jump to now, in the afternoon: far down the day, the schedule scrolls, the page does not.
  const p = await open('/p/now-afternoon');
  await p.locator(W('button.jump')).scrollIntoViewIfNeeded();
  const before = await p.evaluate(() => ({ y: window.scrollY, top: document.querySelector('forum-widget').shadowRoot.querySelector('.schedule').scrollTop }));
  assert.equal(before.top, 0);
  await p.locator(W('button.jump')).click();
  await new Promise((r) => setTimeout(r, 300));
  const m = await p.evaluate(() => {
    const root = document.querySelector('forum-widget').shadowRoot;
    const box = root.querySelector('.schedule');
    const s = box.getBoundingClientRect();
    const head = root.querySelector('thead').getBoundingClientRect();
    const row = root.querySelector('tr.now').getBoundingClientRect();
    return { y: window.scrollY, top: box.scrollTop, rowTop: row.top, headBottom: head.bottom, boxBottom: s.bottom };
  });
  assert.ok(m.top > before.top + 500, `the schedule scrolled (scrollTop ${before.top} → ${m.top})`);
  assert.equal(m.y, before.y, 'the page did not scroll');
  assert.ok(m.rowTop >= m.headBottom - 2 && m.rowTop < m.boxBottom, `the now row is in view below the headers (${JSON.stringify(m)})`);

  // At 10:05 too, from the top of the schedule.
  const q = await open('/p/now-during');
  await q.locator(W('button.jump')).scrollIntoViewIfNeeded();
  const y = await q.evaluate(() => window.scrollY);
  await q.locator(W('button.jump')).click();
  await new Promise((r) => setTimeout(r, 300));
  const top = await q.evaluate(() => document.querySelector('forum-widget').shadowRoot.querySelector('.schedule').scrollTop);
  assert.ok(top > 0, `the schedule scrolled at 10:05 (scrollTop ${top})`);
  assert.equal(await q.evaluate(() => window.scrollY), y, 'the page did not scroll');
  await p.close();
  await q.close();
});

test('deep links: the day in the hash, Back and Forward, the host\'s own hash kept, typing written in place, an opened item, links="off"', async () => {
  const p = await open('/p/links#fw:day=2');
  assert.equal(await caption(p), '2 February 2025', 'day=2 shows the second day');
  assert.equal(await daySelect(p).locator('option:checked').textContent(), '2 February 2025');
  await daySelect(p).selectOption({ label: '1 February 2025' });
  await until(async () => /^#fw:(.*;)?day=1(;|$)/.test(await hash(p)), 'day=1 in the hash');
  assert.equal(await caption(p), '1 February 2025');
  await p.goBack();
  await until(async () => (await caption(p)) === '2 February 2025', 'Back shows day 2');
  assert.match(await hash(p), /^#fw:(.*;)?day=2(;|$)/);
  assert.equal(await daySelect(p).locator('option:checked').textContent(), '2 February 2025');
  await p.goForward();
  await until(async () => (await caption(p)) === '1 February 2025', 'Forward shows day 1');

  // An opened item is a history entry: Back closes it.
  const id = (await p.locator(W('table.timetable .entry')).first().getAttribute('id')).replace(/^fw-item-/, '');
  await p.locator(W(`#fw-item-${id} button.entry-title`)).click();
  await p.locator(W('.detail')).waitFor();
  await until(async () => (await hash(p)).includes(`item=${id}`), 'item= in the hash');
  await p.goBack();
  await p.locator(W('.detail')).waitFor({ state: 'detached', timeout: 5000 });
  assert.ok(!(await hash(p)).includes('item='), await hash(p));
  assert.equal(await caption(p), '1 February 2025');
  assert.deepEqual(p.consoleErrors, []);
  await p.close();

  // The host's own hash part is kept before the widget's.
  const q = await open('/p/links#intro&fw:day=2');
  assert.equal(await caption(q), '2 February 2025');
  await daySelect(q).selectOption({ label: '1 February 2025' });
  await until(async () => /day=1/.test(await hash(q)), 'day=1 in the hash');
  assert.match(await hash(q), /^#intro&fw:(.*;)?day=1(;|$)/);
  // Typing a search goes into the hash once the reader pauses, in place: no history entry.
  const entries = await q.evaluate(() => history.length);
  await q.locator(W('.filter.search input')).pressSequentially('rust', { delay: 30 });
  await until(async () => /^#intro&fw:(.*;)?q=rust(;|$)/.test(await hash(q)), 'q=rust in the hash');
  assert.match(await hash(q), /day=1/);
  assert.equal(await q.evaluate(() => history.length), entries, 'typing adds no history entry');
  await q.close();

  // links="off": nothing is written, and no history entry is added.
  const r = await open('/p/links-off#intro');
  const length = await r.evaluate(() => history.length);
  await daySelect(r).selectOption({ label: '2 February 2025' });
  await until(async () => (await caption(r)) === '2 February 2025', 'day 2 shown');
  await r.locator(W('table.timetable .entry button.entry-title')).first().click();
  await r.locator(W('.detail')).waitFor();
  await r.locator(W('.detail button.back')).click();
  await r.locator('forum-widget').getByLabel('Hide past items').check();
  await new Promise((res) => setTimeout(res, 300));
  assert.equal(await hash(r), '#intro');
  assert.equal(await r.evaluate(() => history.length), length);
  await r.close();
});

test('stars: stored only once starred, the event told, the starred filter, their calendar file, the share link; favourites="off"', async () => {
  const day1 = xml.days.get('2025-02-01');
  const titles = new Map(day1.map((e) => [e.guid, e.title]));
  const byGuid = new Map(day1.map((e) => [e.guid, e]));
  const p = await open('/p/stars');
  await p.evaluate(() => {
    window.favouriteEvents = [];
    document.querySelector('forum-widget').addEventListener('forum-widget:favourites', (e) => window.favouriteEvents.push(JSON.parse(JSON.stringify(e.detail))));
  });
  // Moving about does not store anything.
  await daySelect(p).selectOption({ label: '2 February 2025' });
  await daySelect(p).selectOption({ label: '1 February 2025' });
  await until(async () => (await caption(p)) === '1 February 2025', 'day 1');
  assert.deepEqual(await storage(p), {}, 'nothing stored before the first star');
  assert.equal(await p.locator(W('.tools a.share')).count(), 0);

  const ids = (await p.locator(W('table.timetable .entry')).evaluateAll((es) => es.slice(0, 2).map((e) => e.id.replace(/^fw-item-/, ''))));
  assert.equal(ids.length, 2);
  for (const id of ids) {
    const star = p.locator(W(`#fw-item-${id} button.star`));
    assert.equal(await star.getAttribute('aria-pressed'), 'false');
    assert.equal(await star.getAttribute('aria-label'), `Star: ${titles.get(id)}`);
    await star.click();
    await until(async () => (await star.getAttribute('aria-pressed')) === 'true', `${id} starred`);
  }
  const stored = await until(async () => {
    const s = await storage(p);
    const keys = Object.keys(s);
    return keys.length === 1 && JSON.parse(s[keys[0]]).length === 2 && s;
  }, 'two stars stored');
  const [key] = Object.keys(stored);
  assert.match(key, /^forum-widget:favourites:.+/);
  assert.deepEqual(JSON.parse(stored[key]).sort(), [...ids].sort());
  // One forum-widget:favourites per change, naming the event whose key holds the stars.
  const events = await p.evaluate(() => window.favouriteEvents);
  assert.equal(events.length, 2, `one event per star: ${JSON.stringify(events)}`);
  assert.deepEqual(events[0].ids, [ids[0]]);
  assert.deepEqual([...events[1].ids].sort(), [...ids].sort());
  assert.equal(`forum-widget:favourites:${events[1].event}`, key, 'the event named is the storage key\'s');

  // Only starred: exactly those two.
  await p.locator('forum-widget').getByLabel('Only starred').check();
  await until(async () => (await results(p)) === '2 of 2 shown', '2 of 2 shown');
  const shown = await p.locator(W('.schedule .entry')).evaluateAll((es) => es.map((e) => e.id));
  assert.deepEqual(shown.sort(), ids.map((id) => `fw-item-${id}`).sort());

  // Their calendar file, read by icalendar.
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.locator(W('.tools button'), { hasText: 'Starred items (.ics)' }).click(),
  ]);
  const path = `${RESULTS}/schedule-starred.ics`;
  await download.saveAs(path);
  const cal = readIcs(path);
  assert.equal(cal.events.length, 2);
  assert.deepEqual(cal.events.map((e) => e.summary).sort(), ids.map((id) => `${titles.get(id)} — ${xml.title}`).sort());
  // Their times, against the XML's start and duration (Brussels is UTC+1 in February).
  for (const id of ids) {
    const item = byGuid.get(id);
    const event = cal.events.find((e) => e.summary.startsWith(`${item.title} — `));
    const start = new Date(`2025-02-01T${item.start}:00+01:00`);
    const [dh, dm] = item.duration.split(':').map(Number);
    assert.equal(new Date(event.start).toISOString(), start.toISOString(), `${item.title}: start`);
    assert.equal(new Date(event.end).toISOString(), new Date(start.getTime() + (dh * 60 + dm) * 60000).toISOString(), `${item.title}: end`);
  }

  // The share link, in a fresh browser (no storage).
  const href = await p.locator(W('.tools a.share')).getAttribute('href');
  const url = new URL(href);
  assert.match(url.hash, /(^#|&)fw:(.*;)?only=starred(;|$)/);
  assert.deepEqual(decodeURIComponent(url.hash.match(/stars=([^;&]*)/)[1]).split(',').sort(), [...ids].sort());
  await p.close();

  const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const q = await context.newPage();
  q.setDefaultTimeout(10000);
  await q.goto(href);
  await waitForWidgets(q);
  await q.locator(W('.results')).waitFor();
  assert.equal(await q.locator('forum-widget').getByLabel('Only starred').isChecked(), true, 'the starred filter is on');
  assert.equal(await results(q), '2 of 2 shown');
  for (const id of ids) assert.equal(await q.locator(W(`#fw-item-${id} button.star`)).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await storage(q), {}, 'opening the link stores nothing');
  await q.locator(W(`#fw-item-${ids[0]} button.star`)).click();
  // Unstarred, it leaves the starred-only view.
  await until(async () => (await results(q)) === '1 of 1 shown', '1 of 1 shown');
  const after = await until(async () => {
    const s = await storage(q);
    return Object.keys(s).length && s;
  }, 'stored once a star is clicked');
  assert.deepEqual(JSON.parse(after[key]), [ids[1]]);
  await context.close();

  // favourites="off": no stars and nothing stored, even after moving about.
  const r = await open(`/p/favourites-off#fw:stars=${ids.join(',')}`);
  await r.evaluate(() => {
    window.favouriteEvents = [];
    document.querySelector('forum-widget').addEventListener('forum-widget:favourites', (e) => window.favouriteEvents.push(e.detail));
  });
  assert.ok((await r.locator(W('.entry')).count()) > 0, 'entries shown');
  assert.equal(await r.locator(W('.star')).count(), 0);
  assert.equal(await r.locator(W('.tools button'), { hasText: 'Starred items' }).count(), 0);
  assert.equal(await r.locator('forum-widget').getByLabel('Only starred').count(), 0);
  await daySelect(r).selectOption({ label: '2 February 2025' });
  await r.locator(W('table.timetable .entry button.entry-title')).first().click();
  await r.locator(W('.detail')).waitFor();
  assert.equal(await r.locator(W('.detail .star')).count(), 0);
  await r.locator(W('.detail button.back')).click();
  await r.locator('forum-widget').getByLabel('Hide past items').check();
  await new Promise((res) => setTimeout(res, 300));
  assert.equal(await r.locator(W('.tools a.share')).count(), 0);
  assert.deepEqual(await storage(r), {});
  assert.equal(await r.evaluate(() => window.favouriteEvents.length), 0, 'no forum-widget:favourites');
  await r.close();
});
