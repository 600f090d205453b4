// In every engine: the .ics the widget offers for download (read back by Python's
// icalendar), the JSON-LD it puts into the host page's head (read by extruct), and
// mount/unmount cycles of a single-page app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { start, page, ROOT, RESULTS, TITLE_EN, TITLE_ZH } from './harness.mjs';

const PYTHON = `${ROOT}.venv/bin/python`;
const inspect = (...args) => JSON.parse(execFileSync(PYTHON, [`${ROOT}tests/e2e/read_exports.py`, ...args], { encoding: 'utf8' }));
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';

let h;
before(async () => {
  h = await start({
    '/p/en': page(`<forum-widget lang="en"></forum-widget>${LOADER}`),
    '/p/timed': page(`<forum-widget src="/tests/fixtures/timed-event.json" view="program"></forum-widget>${LOADER}`),
    '/p/two': page(`<forum-widget id="a"></forum-widget><forum-widget id="b" lang="zh"></forum-widget>${LOADER}`),
    '/p/blank': page(LOADER),
  });
  await h.viewport(1024, 900);
});
after(() => h?.close());

/** Clicks the first `selector` button, as a reader does, and saves the file the widget offers. */
async function download(selector, name) {
  const before = await h.run(() => window.__downloads.length);
  await (await h.shadow(selector)).click();
  await h.until((n) => window.__downloads.length > n, [before]);
  const file = await h.run(async () => {
    const { name: suggested, blob } = window.__downloads.at(-1);
    return { suggested, type: blob.type, text: await blob.text() };
  });
  const path = `${RESULTS}/${name}`;
  await writeFile(path, file.text);
  return { ...file, path };
}

test('the whole-event .ics download parses with icalendar', async () => {
  await h.open('/p/en');
  const { suggested, type, path, text } = await download('.summary .calendar button', 'event-en.ics');
  assert.equal(suggested, 'china-ceec-cangzhou-sme-forum-2023.ics');
  assert.equal(type, 'text/calendar;charset=utf-8');
  assert.ok(text.includes('\r\n'), 'CRLF line ends');
  const cal = inspect('ics', path);
  assert.equal(cal.events.length, 5);
  const [forum, opening] = cal.events;
  assert.deepEqual([forum.summary, forum.start, forum.end, forum.all_day], [TITLE_EN, '2023-11-13', '2023-11-14', true]);
  assert.equal(opening.summary, `Opening ceremony — ${TITLE_EN}`);
  assert.equal(forum.uid, 'china-ceec-cangzhou-sme-forum-2023@forum-widget');
});

test('a timed programme item downloads with UTC times', async () => {
  await h.open('/p/timed');
  const { suggested, path } = await download('#fw-item-morning .calendar button', 'item.ics');
  assert.equal(suggested, 'timed-test-event-morning.ics');
  const [item] = inspect('ics', path).events;
  assert.deepEqual([item.start, item.end, item.all_day], ['2023-11-13T01:30:00+00:00', '2023-11-13T02:00:00+00:00', false]);
  const google = new URL(await h.run(() => document.querySelector('forum-widget').shadowRoot.querySelector('#fw-item-morning .calendar a').href));
  assert.equal(google.searchParams.get('dates'), '20231113T093000/20231113T100000');
});

test('JSON-LD in the head, read by extruct; one block for two widgets, gone when both are removed', async () => {
  await h.open('/p/two', { count: 2 });
  await h.until(() => document.head.querySelector('script[type="application/ld+json"]'), [], 5000, 'JSON-LD in the head');
  // The widgets write their JSON-LD just after their first paint, each in its own time:
  // until both have painted, and written it (or found it).
  await h.run(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
  const file = `${RESULTS}/page-two.html`;
  await writeFile(file, await h.driver.getPageSource());
  const blocks = inspect('jsonld', file, h.base + '/p/two');
  assert.equal(blocks.length, 1);
  const [e] = blocks;
  assert.equal(e['@type'], 'Event');
  // The block is in the language of the first widget in document order (#a, English),
  // whichever of the two renders first: their wasm instances start in parallel.
  assert.deepEqual([e.name, e.inLanguage], [TITLE_EN, 'en']);
  assert.equal(e.startDate, '2023-11-13');
  assert.equal(e.location.address.addressLocality, 'Cangzhou');
  // Speakers perform, attendees attend: as the data gives each person's part.
  const people = JSON.parse(await readFile(`${ROOT}data/forum-2023.json`, 'utf8')).people;
  assert.deepEqual(e.performer.map((x) => x.name), people.filter((x) => x.part === 'speaker').map((x) => x.name));
  assert.deepEqual(e.attendee.map((x) => x.name), people.filter((x) => x.part === 'attendee').map((x) => x.name));
  assert.equal(e.subEvent.length, 4);
  assert.equal(await h.run(() => document.head.querySelectorAll('script[type="application/ld+json"]').length), 1, 'in the head');
  await h.run(() => document.getElementById('a').remove());
  assert.equal(await h.run(() => document.querySelectorAll('script[type="application/ld+json"]').length), 1, 'kept for the other widget');
  await h.run(() => document.getElementById('b').remove());
  assert.equal(await h.run(() => document.querySelectorAll('script[type="application/ld+json"]').length), 0);
});

test('SPA: 60 mount/unmount cycles leave no nodes behind and fetch the wasm once', async () => {
  await h.goto('/p/blank');
  await h.until(() => window.ForumWidget?.mount);
  const cycles = (n) => h.run(async (count) => {
    const seen = [];
    for (let i = 0; i < count; i++) {
      const el = document.createElement('div');
      document.body.append(el);
      const ready = new Promise((resolve) => el.addEventListener('forum-widget:ready', resolve, { once: true }));
      const handle = ForumWidget.mount(el, { view: i % 2 ? 'program' : 'speakers' });
      await ready;
      seen.push(el.shadowRoot.querySelectorAll('*').length > 50);
      handle.unmount();
      if (el.shadowRoot.childNodes.length) throw new Error('unmount left nodes in the shadow root');
      el.remove();
    }
    return {
      rendered: seen.every(Boolean),
      elements: document.querySelectorAll('*').length,
      jsonld: document.querySelectorAll('script[type="application/ld+json"]').length,
    };
  }, n);
  const early = await cycles(10);
  const late = await cycles(50);
  assert.equal(late.rendered, true, 'each mount rendered the widget');
  assert.equal(late.elements, early.elements, 'no elements left in the page');
  assert.equal(late.jsonld, 0, 'no JSON-LD left in the head');
  assert.equal(await h.run(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length), 1);
  assert.deepEqual(await h.errors(), []);
});
