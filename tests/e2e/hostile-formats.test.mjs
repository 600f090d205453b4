// Hostile schedules in every format the readers take, in Chromium: markup with scripts
// and handlers, images, frames, styles and `javascript:` links in titles, abstracts,
// bios, room and track names, link lists and avatars. The widget must show the text,
// run none of it, and send no request for anything the data names (every address in
// the payloads is on port 9 of this machine, which nothing serves).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const HOST = 'http://127.0.0.1:9';
const HTML = [
  `<p>Abstract <b>bold</b></p><script>window.__pwned="script"</script>`,
  `<img src="${HOST}/img.png" onerror="window.__pwned='img'">`,
  `<a href="javascript:window.__pwned='link'">js link</a>`,
  `<iframe src="${HOST}/frame"></iframe><svg onload="window.__pwned='svg'"></svg>`,
  `<style>@import url(${HOST}/style.css)</style><object data="${HOST}/obj"></object>`,
  `<form action="${HOST}/form"><input autofocus onfocus="window.__pwned='focus'"></form>`,
  `&lt;script&gt;window.__pwned="escaped"&lt;/script&gt; &amp;lt;b&amp;gt; deep`,
].join(' ');
const MARKDOWN = `**Bold** ![tracker](${HOST}/md.png) [js](javascript:window.__pwned='md') `
  + `[data](data:text/html,<script>window.__pwned='data'</script>) <img src=${HOST}/raw.png>`;
const TITLE = `Title <script>window.__pwned="title"</script><img src=${HOST}/title.png onerror=window.__pwned='t'>`;
const NAME = `Ada <img src=${HOST}/name.png onerror=window.__pwned='n'>`;
const ROOM = `Room <iframe src=${HOST}/room></iframe>`;
const TRACK = `Track <script>window.__pwned="track"</script>`;
const AVATAR = `${HOST}/avatar.png`;

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const icsEscape = (s) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

const FILES = {
  'frab.json': ['application/json', JSON.stringify({
    schedule: {
      version: '1',
      conference: {
        acronym: 'h', title: TITLE, start: '2024-05-01', end: '2024-05-01', time_zone_name: 'Europe/Berlin',
        days: [{
          index: 1, date: '2024-05-01', day_start: '2024-05-01T08:00:00+02:00', day_end: '2024-05-01T20:00:00+02:00',
          rooms: {
            [ROOM]: [{
              id: 1, guid: 'g1', date: '2024-05-01T10:00:00+02:00', start: '10:00', duration: '00:30', room: ROOM,
              title: TITLE, subtitle: '', type: 'Talk', language: 'en', track: TRACK, abstract: HTML, description: MARKDOWN,
              persons: [{ id: 7, public_name: NAME, biography: HTML, avatar: AVATAR }],
              links: [{ url: "javascript:window.__pwned='links'", title: 'bad' }, { url: `data:text/html,x`, title: 'data' }],
              attachments: [{ url: `${HOST}/attachment.pdf`, title: 'attachment' }],
            }],
          },
        }],
      },
    },
  })],
  'frab.xml': ['application/xml', `<?xml version="1.0" encoding="UTF-8"?><schedule><conference>
    <title>${xmlEscape(TITLE)}</title><start>2024-05-01</start><end>2024-05-01</end>
    <time_zone_name>Europe/Berlin</time_zone_name></conference>
    <day date="2024-05-01" index="1" start="2024-05-01T08:00:00+02:00" end="2024-05-01T20:00:00+02:00">
    <room name="${xmlEscape(ROOM)}"><event guid="g1" id="1"><date>2024-05-01T10:00:00+02:00</date>
    <start>10:00</start><duration>00:30</duration><room>${xmlEscape(ROOM)}</room><title>${xmlEscape(TITLE)}</title>
    <type>Talk</type><track>${xmlEscape(TRACK)}</track><abstract>${xmlEscape(HTML)}</abstract>
    <description><![CDATA[${HTML}]]></description>
    <persons><person id="7">${xmlEscape(NAME)}</person></persons>
    <links><link href="javascript:window.__pwned='links'">bad</link><link href="${HOST}/slides">slides</link></links>
    <attachments><attachment href="${HOST}/attachment.pdf">attachment</attachment></attachments>
    </event></room></day></schedule>`],
  'pretalx.json': ['application/json', JSON.stringify({
    version: '0.1', timezone: 'Europe/Berlin',
    rooms: [{ id: 1, name: ROOM }],
    tracks: [{ id: 2, name: TRACK, color: 'red;background:url(http://127.0.0.1:9/color)' }],
    speakers: [{ code: 'SPK', name: NAME, biography: MARKDOWN, avatar: AVATAR }],
    talks: [{
      code: 'TLK', id: 1, title: TITLE, abstract: MARKDOWN, speakers: ['SPK'], track: 2, room: 1,
      start: '2024-05-01T10:00:00+02:00', end: '2024-05-01T10:30:00+02:00', duration: 30, content_locale: 'en',
    }],
  })],
  'sessionize.json': ['application/json', JSON.stringify({
    sessions: [{
      id: '1', title: TITLE, description: HTML, startsAt: '2024-05-01T10:00:00', endsAt: '2024-05-01T10:30:00',
      roomId: 3, speakers: ['s1'], categoryItems: [4], isServiceSession: false,
      recordingUrl: "javascript:window.__pwned='rec'", liveUrl: `${HOST}/live`,
    }],
    speakers: [{
      id: 's1', fullName: NAME, bio: HTML, tagLine: TITLE, profilePicture: AVATAR,
      links: [{ url: "javascript:window.__pwned='slink'", title: 'bad' }],
    }],
    rooms: [{ id: 3, name: ROOM }],
    categories: [{ id: 9, title: 'Track', items: [{ id: 4, name: TRACK }] }],
  })],
  'feed.ics': ['text/calendar', [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//hostile//EN', `X-WR-CALNAME:${icsEscape(TITLE)}`,
    'BEGIN:VEVENT', 'UID:u1@hostile', 'DTSTAMP:20240401T000000Z',
    'DTSTART:20240501T080000Z', 'DTEND:20240501T083000Z',
    `SUMMARY:${icsEscape(TITLE)}`, `DESCRIPTION:${icsEscape(HTML)}`, `LOCATION:${icsEscape(ROOM)}`,
    `CATEGORIES:${icsEscape(TRACK)}`, "URL:javascript:window.__pwned='url'", `ATTACH:${HOST}/attach.pdf`,
    `ORGANIZER;CN="${NAME.replace(/"/g, '')}":mailto:ada@example.org`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n')],
};

let h;
before(async () => {
  const routes = {};
  for (const [name, [type, body]] of Object.entries(FILES)) {
    routes[`/f/${name}`] = (req, res) => res.writeHead(200, { 'Content-Type': type }).end(body);
    routes[`/p/${name}`] = page(
      `<forum-widget lang="en" time-zone="Europe/Berlin" name="Hostile" src="/f/${name}"></forum-widget>${LOADER}`);
  }
  h = await start(routes);
});
after(() => h?.close());

for (const name of Object.keys(FILES)) {
  test(`${name}: payloads in the data are shown as text, never run, and fetch nothing`, async () => {
    const p = await h.newPage();
    const requested = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.goto(`${h.base}/p/${name}`);
    const root = p.locator('forum-widget');
    await root.locator('.title, .error').first().waitFor({ timeout: 15000 });
    assert.equal(await root.locator('.error').count(), 0, (await root.locator('.error').allInnerTexts()).join());
    // Every panel drawn, so every text from the data is in the document.
    for (const tab of await root.locator('[role=tab]').all()) {
      await tab.click();
    }
    const panels = await root.locator('[part="panel"]').allInnerTexts();
    assert.match(panels.join('\n'), /Title <script>window\.__pwned="title"<\/script>/, 'the title is shown as text');
    // Rich text keeps what the subset allows and drops the rest.
    const dom = await p.evaluate(() => {
      const shadow = document.querySelector('forum-widget').shadowRoot;
      const tags = (sel) => shadow.querySelectorAll(sel).length;
      return {
        active: tags('script, iframe, object, embed, img, svg image, form, input, link, meta, base'),
        styles: [...shadow.querySelectorAll('style')].map((s) => s.textContent).filter((t) => t.includes('127.0.0.1')),
        hrefs: [...shadow.querySelectorAll('[href]')].map((a) => a.getAttribute('href')),
        handlers: [...shadow.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))),
        inline: [...shadow.querySelectorAll('[style]')].map((el) => el.getAttribute('style')).filter((s) => /url\(|127\.0\.0\.1/.test(s)),
      };
    });
    assert.equal(dom.active, 0, 'no script, frame, image, form or link element came from data');
    assert.deepEqual(dom.styles, []);
    assert.deepEqual(dom.handlers, []);
    assert.deepEqual(dom.inline, [], 'no style from data names an address');
    for (const href of dom.hrefs) {
      assert.match(href, /^(https?:|blob:|#|mailto:)/, `link target ${href}`);
    }
    // Let any image, frame or style the data named have time to be requested.
    await p.waitForTimeout(300);
    assert.equal(await p.evaluate(() => window.__pwned), undefined, 'a payload ran');
    assert.deepEqual(requested.filter((u) => u.includes('127.0.0.1:9')), [], 'a request left for an address in the data');
    await p.close();
  });
}
