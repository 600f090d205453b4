// Programme search and filters on a FOSDEM-size event (1,000 items, 5 days, 60 rooms).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page, RESULTS } from './harness.mjs';
import { largeEvent } from '../../scripts/make-large-event.mjs';

const EVENT = largeEvent();
// The widget shows the programme by date, then start time.
const ORDERED = [...EVENT.program].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';

/** The same search, written independently: every word in title, description, room or a speaker's name. */
function expectedMatches(query, { day, kind, room } = {}) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return ORDERED.filter((item) => {
    const hay = [item.title.en, item.description.en, item.location.en,
      ...item.people.map((id) => EVENT.people.find((p) => p.id === id).name)].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w)) && (!day || item.date === day) && (!kind || item.kind === kind) &&
      (!room || item.location.en === room);
  });
}

let h;
before(async () => {
  h = await start({
    '/large.json': (req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(EVENT)),
    '/p/large': page(`<forum-widget lang="en" view="program" layout="list" src="/large.json"></forum-widget>${LOADER}`),
    '/p/small': page(`<forum-widget lang="en" view="program"></forum-widget>${LOADER}`),
  });
});
after(() => h?.close());

const resultLine = (p) => p.locator('forum-widget .results').textContent();
// The entries after the first screen are drawn after the first paint (the list is
// aria-busy until then).
const shownIds = async (p) => {
  await p.locator('forum-widget .program:not([aria-busy])').waitFor();
  return p.locator('forum-widget .program > li').evaluateAll((lis) => lis.map((li) => li.id.replace('fw-item-', '')));
};

test('a large programme gets search and filters; results update as you type, 50 at a time', async () => {
  const p = await h.open('/p/large', { viewport: { width: 1100, height: 900 } });
  assert.equal(await resultLine(p), '50 of 1000 shown');
  assert.equal((await shownIds(p)).length, 50);
  await p.locator('forum-widget .more').click();
  assert.equal((await shownIds(p)).length, 100);

  const search = p.locator('forum-widget .filter.search input');
  await search.pressSequentially('webassembly 12', { delay: 20 });
  const expected = expectedMatches('webassembly 12');
  assert.ok(expected.length > 0 && expected.length < 50);
  assert.equal(await resultLine(p), `${expected.length} of ${expected.length} shown`);
  assert.deepEqual(await shownIds(p), expected.map((i) => i.id));

  await search.fill('speaker 7 ');
  const bySpeaker = expectedMatches('speaker 7');
  assert.equal(await resultLine(p), `${Math.min(50, bySpeaker.length)} of ${bySpeaker.length} shown`);

  await search.fill('');
  await p.locator('forum-widget .filter select').nth(0).selectOption({ label: '3 February 2030' });
  await p.locator('forum-widget .filter select').nth(1).selectOption({ label: 'Workshop' });
  const room = ORDERED.find((i) => i.kind === 'workshop' && i.date === '2030-02-03').location.en;
  await p.locator('forum-widget .filter select').nth(2).selectOption({ label: room });
  const filtered = expectedMatches('', { day: '2030-02-03', kind: 'workshop', room });
  assert.ok(filtered.length > 0);
  assert.equal(await resultLine(p), `${filtered.length} of ${filtered.length} shown`);
  assert.deepEqual(await shownIds(p), filtered.map((i) => i.id));

  await search.fill('no such talk anywhere');
  assert.equal(await resultLine(p), 'No programme item matches.');
  await p.screenshot({ path: `${RESULTS}/search.png` });
  await p.close();
});

test('a short programme shows no search or filters', async () => {
  const p = await h.open('/p/small');
  assert.equal(await p.locator('forum-widget .filters').count(), 0);
  assert.equal(await p.locator('forum-widget .program > li').count(), 4);
  await p.close();
});
