// Schedules from conference systems, end to end in Chromium: each real file in
// ../shared/realdata (read, never copied) served the way its system serves it, as a
// partner's `src`. The widget converts it with the schedule readers' wasm, fetched only
// then, and shows the event's zone with the reader's own time beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { start, page, ROOT, RESULTS } from './harness.mjs';

const REALDATA = `${ROOT}../shared/realdata/`;
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
// One real file per format, with the content type its system sends.
const FILES = [
  ['frab-json/36c3.frab.json', 'application/json'],
  ['frab-xml/fosdem-2025.pentabarf.xml', 'application/xml; charset=utf-8'],
  ['frab-xml/39c3.hub.xml', 'text/xml'],
  ['pretalx-widget/devopsdays-lima-2026.widget.json', 'application/json'],
  ['sessionize/sessionize-demo-event.all.json', 'application/json; charset=utf-8'],
  ['ical/kielux-2020.ics', 'text/calendar; charset=utf-8'],
];

/** What the native `schedule check` says of a file: the same Rust readers' counts. */
function check(file) {
  const out = execFileSync(`${ROOT}target/release/schedule`, ['check', REALDATA + file], { encoding: 'utf8' });
  const [, items] = out.match(/^(\d+) items/m);
  return { items: Number(items), zone: out.match(/^time zone: (.*)$/m)[1] };
}

const requests = [];
let h;
before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'schedule-readers', '--bin', 'schedule'], { cwd: ROOT });
  const routes = {
    '/p/built-in': page(`<forum-widget lang="en"></forum-widget>${LOADER}`),
    '/f/doctype.xml': (req, res) => res.writeHead(200, { 'Content-Type': 'application/xml' }).end(
      '<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY x SYSTEM "http://127.0.0.1:9/leak">]><schedule>&x;</schedule>'),
    '/f/unknown.json': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"talks": 1}'),
    '/p/doctype': page(`<forum-widget lang="en" src="/f/doctype.xml"></forum-widget>${LOADER}`),
    '/p/unknown': page(`<forum-widget lang="en" src="/f/unknown.json"></forum-widget>${LOADER}`),
  };
  for (const [file, type] of FILES) {
    routes[`/realdata/${file}`] = async (req, res) => {
      res.writeHead(200, { 'Content-Type': type }).end(await readFile(REALDATA + file));
    };
    routes[`/p/${file}`] = page(`<forum-widget lang="en" view="program" src="/realdata/${file}"></forum-widget>${LOADER}`);
  }
  h = await start(routes);
});
after(() => h?.close());

const readersFetched = (p) => p.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => /schedule-readers\.[0-9a-f]+\.(wasm|js)$/.test(e.name)).length);

test('the built-in event does not fetch the schedule readers', async () => {
  const p = await h.open('/p/built-in');
  assert.equal(await readersFetched(p), 0);
  await p.close();
});

for (const [file] of FILES) {
  test(`${file} renders as a programme, in its zone, with the reader's time beside it`, async () => {
    const expected = check(file);
    const p = await h.open(`/p/${file}`, { timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });
    const root = p.locator('forum-widget');
    assert.equal(await root.locator('.error').count(), 0, await root.locator('.error').allTextContents().then(String));
    assert.equal(await readersFetched(p), 2, 'the readers module (glue and wasm) is fetched once');
    // Every item of the file is in the programme (shown or counted by the filter line).
    const body = await root.locator('[part="panel"]:not([hidden])').innerText();
    assert.match(body, new RegExp(`\\b${expected.items}\\b`), `${expected.items} items named`);
    const zoneLine = await root.locator('.program-zone, [part="panel"]:not([hidden]) p').allInnerTexts();
    const zoneText = zoneLine.join('\n');
    const zoneNames = {
      'Europe/Berlin': /Central European/, 'Europe/Brussels': /Central European/, 'America/Lima': /Peru/,
      'none named; times carry UTC+01:00': /UTC\+1\b/, 'none named; times carry UTC+00:00': /UTC\+0\b/,
    };
    assert.ok(zoneNames[expected.zone], `no expectation for ${expected.zone}`);
    assert.match(zoneText, zoneNames[expected.zone]);
    // The reader in Tokyo sees their own time beside the event's.
    assert.match(body, /your time/i);
    await p.screenshot({ path: `${RESULTS}/format-${file.replace(/[/.]/g, '-')}.png` });
    assert.deepEqual(p.consoleErrors, []);
    await p.close();
  });
}

test('the src file is fetched once, and the readers start loading, while the widget\'s wasm is still on its way', async () => {
  const file = 'frab-xml/39c3.hub.xml';
  const p = await h.newPage();
  const seen = [];
  p.on('request', (r) => seen.push(new URL(r.url()).pathname));
  // The widget's wasm is held back until the readers' wasm has been asked for (at most 10 s).
  let readersBeforeWasm = null;
  await p.route(/\/forum-widget(-full)?\.[0-9a-f]+\.wasm$/, async (route) => {
    for (let waited = 0; waited < 10_000 && !seen.some((u) => /schedule-readers\.[0-9a-f]+\.wasm$/.test(u)); waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    readersBeforeWasm = seen.some((u) => /schedule-readers\.[0-9a-f]+\.wasm$/.test(u));
    await route.continue();
  });
  await p.goto(`${h.base}/p/${file}`);
  await p.locator('forum-widget .title').waitFor();
  assert.equal(readersBeforeWasm, true, 'the readers were requested while the widget\'s wasm was held back');
  const readersAt = seen.findIndex((u) => /schedule-readers\.[0-9a-f]+\.wasm$/.test(u));
  assert.ok(readersAt >= 0, 'the readers were fetched');
  assert.equal(seen.filter((u) => u === `/realdata/${file}`).length, 1, 'the file is fetched once');
  const text = await p.locator('forum-widget [part="panel"]:not([hidden])').innerText();
  assert.match(text, new RegExp(`\\b${check(file).items}\\b`));
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('an XML file with a document type declaration is refused and fetches nothing it names', async () => {
  const p = await h.newPage();
  const seen = [];
  p.on('request', (r) => seen.push(r.url()));
  await p.goto(`${h.base}/p/doctype`);
  const error = p.locator('forum-widget .error');
  await error.waitFor({ timeout: 15000 });
  const text = await error.innerText();
  assert.match(text, /is not a valid event file: frab schedule\.xml: line 1, column 1: the file has a DTD/);
  assert.ok(!seen.some((u) => u.includes(':9/')), seen.join('\n'));
  await p.close();
});

test('a JSON file of no known shape says what was looked for', async () => {
  const p = await h.newPage();
  await p.goto(`${h.base}/p/unknown`);
  const error = p.locator('forum-widget .error');
  await error.waitFor({ timeout: 15000 });
  assert.match(await error.innerText(), /not a schedule this widget can read.*looked for:/s);
  await p.close();
});
