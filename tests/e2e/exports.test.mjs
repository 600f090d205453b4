// Calendar files, calendar links, JSON-LD for search engines, and print: read back by
// independent parsers (Python's icalendar and extruct).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { start, page, ROOT, RESULTS, TITLE_EN, waitForWidgets } from './harness.mjs';

const PYTHON = `${ROOT}.venv/bin/python`;
const inspect = (...args) => JSON.parse(execFileSync(PYTHON, [`${ROOT}tests/e2e/read_exports.py`, ...args], { encoding: 'utf8' }));
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';

let h;
before(async () => {
  h = await start({
    '/p/en': page(`<forum-widget lang="en"></forum-widget>${LOADER}`),
    '/p/zh': page(`<forum-widget lang="zh"></forum-widget>${LOADER}`),
    '/p/timed': page(`<forum-widget src="/tests/fixtures/timed-event.json" view="program"></forum-widget>${LOADER}`),
    '/p/two': page(`<forum-widget id="a"></forum-widget><forum-widget id="b" lang="zh"></forum-widget>${LOADER}`),
    '/p/seo-off': page(`<forum-widget seo="off"></forum-widget>${LOADER}`),
  });
});
after(() => h?.close());

async function download(p, locator, name) {
  const [file] = await Promise.all([p.waitForEvent('download'), p.locator(locator).first().click()]);
  const path = `${RESULTS}/${name}`;
  await file.saveAs(path);
  return { suggested: file.suggestedFilename(), path };
}

test('the whole-event .ics parses with icalendar: all-day entries, fields, stable UIDs', async () => {
  const p = await h.open('/p/en');
  const { suggested, path } = await download(p, 'forum-widget .summary .calendar button', 'event-en.ics');
  assert.equal(suggested, 'china-ceec-cangzhou-sme-forum-2023.ics');
  const cal = inspect('ics', path);
  assert.equal(cal.version, '2.0');
  assert.equal(cal.events.length, 5);
  const [forum, opening] = cal.events;
  assert.deepEqual([forum.summary, forum.start, forum.end, forum.all_day], [TITLE_EN, '2023-11-13', '2023-11-14', true]);
  assert.match(forum.location, /^China–CEEC \(Cangzhou\) SME Cooperation Zone, Cangzhou, Hebei Province, CN$/);
  assert.match(forum.url, /^https:\/\/www\.miit\.gov\.cn\//);
  assert.match(forum.description, /Co-hosted by the Ministry of Industry/);
  assert.equal(opening.summary, `Opening ceremony — ${TITLE_EN}`);
  assert.match(opening.description, /\nSpeakers: Xu Xiaolan, Siniša Mali, Adam Struzik\nGuests: Siniša Berjan, Archil Kalandia$/);
  assert.ok(cal.events.every((e) => e.all_day), 'no invented times');
  await p.close();

  const zh = await h.open('/p/zh');
  const other = inspect('ics', (await download(zh, 'forum-widget .summary .calendar button', 'event-zh.ics')).path);
  assert.deepEqual(other.events.map((e) => e.uid), cal.events.map((e) => e.uid), 'UIDs do not depend on language or time');
  assert.equal(other.events[0].summary, '第五届中国—中东欧国家（沧州）中小企业合作论坛');
  assert.match(other.events[0].description, /^论坛由工业和信息化部、河北省人民政府共同主办/);
  await zh.close();
});

test('a timed programme item downloads with UTC times; its links carry the right dates', async () => {
  const p = await h.open('/p/timed');
  const { suggested, path } = await download(p, 'forum-widget #fw-item-morning .calendar button', 'item.ics');
  assert.equal(suggested, 'timed-test-event-morning.ics');
  const [item] = inspect('ics', path).events;
  assert.deepEqual([item.start, item.end, item.all_day], ['2023-11-13T01:30:00+00:00', '2023-11-13T02:00:00+00:00', false]);
  assert.equal(item.uid, 'morning.timed-test-event@forum-widget');

  // A start with no published end: a start-only entry, no invented end.
  const open = inspect('ics', (await download(p, 'forum-widget #fw-item-open .calendar button', 'item-open.ics')).path).events[0];
  assert.deepEqual([open.start, open.end, open.has_duration, open.duration, open.all_day], ['2023-11-13T08:15:00+00:00', null, false, '0:00:00', false]);
  const [og, oo] = (await p.locator('forum-widget #fw-item-open .calendar a').evaluateAll((as) => as.map((a) => a.href))).map((u) => new URL(u));
  assert.equal(og.searchParams.get('dates'), '20231113T161500/20231113T161500');
  assert.deepEqual([oo.searchParams.get('startdt'), oo.searchParams.get('enddt')], ['2023-11-13T08:15:00Z', '2023-11-13T08:15:00Z']);

  const hrefs = await p.locator('forum-widget #fw-item-morning .calendar a').evaluateAll((as) => as.map((a) => a.href));
  const google = new URL(hrefs[0]);
  assert.equal(google.hostname, 'calendar.google.com');
  assert.equal(google.searchParams.get('action'), 'TEMPLATE');
  assert.equal(google.searchParams.get('text'), 'Morning session — Timed Test Event');
  assert.equal(google.searchParams.get('dates'), '20231113T093000/20231113T100000');
  assert.equal(google.searchParams.get('ctz'), 'Asia/Shanghai');
  const outlook = new URL(hrefs[1]);
  assert.equal(outlook.hostname, 'outlook.live.com');
  assert.equal(outlook.searchParams.get('subject'), 'Morning session — Timed Test Event');
  assert.equal(outlook.searchParams.get('startdt'), '2023-11-13T01:30:00Z');
  assert.equal(outlook.searchParams.get('enddt'), '2023-11-13T02:00:00Z');
  assert.equal(outlook.searchParams.get('allday'), 'false');
  const rels = await p.locator('forum-widget .calendar a').evaluateAll((as) => as.map((a) => a.rel));
  assert.ok(rels.every((r) => r === 'noopener noreferrer'));
  await p.close();
});

test("the forum's whole-day links: Google gets dates, Outlook an all-day entry", async () => {
  const p = await h.open('/p/en');
  const [g, o] = (await p.locator('forum-widget .summary .calendar a').evaluateAll((as) => as.map((a) => a.href))).map((u) => new URL(u));
  assert.equal(g.searchParams.get('dates'), '20231113/20231114');
  assert.equal(g.searchParams.get('text'), TITLE_EN);
  assert.equal(g.searchParams.get('ctz'), null);
  assert.match(g.searchParams.get('location'), /Cangzhou/);
  assert.deepEqual([o.searchParams.get('startdt'), o.searchParams.get('enddt'), o.searchParams.get('allday')], ['2023-11-13', '2023-11-14', 'true']);
  await p.close();
});

/** Until every widget on the page has painted, and written its JSON-LD (or found it). */
const afterPaint = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));

/** The page's JSON-LD, which the widget writes just after its first paint. */
async function jsonLdOf(p) {
  await p.waitForSelector('head script[type="application/ld+json"]', { state: 'attached' });
  await afterPaint(p);
  const path = `${RESULTS}/page-${Date.now()}.html`;
  await writeFile(path, await p.content());
  return inspect('jsonld', path, p.url());
}

test('JSON-LD in the page head, read by extruct, has Google’s required and recommended Event fields', async () => {
  const p = await h.open('/p/en');
  const blocks = await jsonLdOf(p);
  assert.equal(blocks.length, 1);
  const [e] = blocks;
  assert.equal(await p.locator('head script[type="application/ld+json"]').count(), 1, 'in the host page head');
  // Required by Google: name, startDate, location (with an address).
  assert.equal(e['@type'], 'Event');
  assert.equal(e.name, TITLE_EN);
  assert.equal(e.startDate, '2023-11-13');
  assert.equal(e.location['@type'], 'Place');
  assert.deepEqual(e.location.address, { '@type': 'PostalAddress', addressLocality: 'Cangzhou', addressRegion: 'Hebei Province', addressCountry: 'CN' });
  // Recommended: all that the data has (it has no image and no offers).
  assert.equal(e.endDate, '2023-11-13');
  assert.match(e.description, /Co-hosted by/);
  assert.equal(e.eventStatus, 'https://schema.org/EventScheduled');
  assert.equal(e.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode', 'speeches by video; the audience attends in person');
  assert.deepEqual(e.organizer.map((o) => o.name), ["Ministry of Industry and Information Technology of the People's Republic of China (MIIT)", "People's Government of Hebei Province"]);
  assert.deepEqual(e.performer.map((x) => x.name), ['Xu Xiaolan', 'Siniša Mali', 'Adam Struzik']);
  assert.deepEqual(e.attendee.map((x) => x.name), ['Siniša Berjan', 'Archil Kalandia']);
  assert.equal(e.inLanguage, 'en');
  assert.equal(e.url, p.url());
  assert.deepEqual(e.subEvent.map((s) => s.name), ['Opening ceremony', 'Keynote forum', 'SME Innovation Achievements Exhibition', 'Cross-border matchmaking meeting']);
  await p.close();
});

test('two widgets of one event give one JSON-LD block; unmounting both removes it; seo="off" adds none', async () => {
  const p = await h.open('/p/two', { count: 2 });
  assert.equal((await jsonLdOf(p)).length, 1);
  await p.evaluate(() => document.getElementById('a').remove());
  assert.equal(await p.locator('head script[type="application/ld+json"]').count(), 1, 'still shown by the other widget');
  await p.evaluate(() => document.getElementById('b').remove());
  assert.equal(await p.locator('script[type="application/ld+json"]').count(), 0);
  await p.close();

  const off = await h.open('/p/seo-off');
  // Until after the paint, when the JSON-LD would have been written.
  await afterPaint(off);
  assert.equal(await off.locator('script[type="application/ld+json"]').count(), 0);
  await off.close();
});

test('printing shows the summary, speakers and programme without the tabs', async () => {
  const p = await h.open('/p/en', { viewport: { width: 900, height: 1200 } });
  await p.emulateMedia({ media: 'print' });
  // The hidden views render just after the shown one; printing shows all three.
  for (const [panel, entry] of [['summary', '.figures li'], ['speakers', '.person'], ['program', '.item']]) {
    await p.locator(`forum-widget #fw-panel-${panel} ${entry}`).first().waitFor({ state: 'visible', timeout: 5000 });
  }
  assert.ok(!(await p.locator('forum-widget [role=tablist]').isVisible()));
  assert.ok(!(await p.locator('forum-widget .calendar').first().isVisible()));
  await p.screenshot({ path: `${RESULTS}/print.png`, fullPage: true });
  await p.close();
});

test('the preview page has a <noscript> fallback that links to the source', async () => {
  const html = await readFile(`${ROOT}index.html`, 'utf8');
  assert.match(html, /<noscript>[\s\S]*<a href="https:\/\/www\.miit\.gov\.cn\/[^"]+">[\s\S]*<\/noscript>/);
});
