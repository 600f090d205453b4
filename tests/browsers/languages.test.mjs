// In every engine: each of the six languages, with the forum's date and zone written by
// that engine's Intl, and the in-widget language switcher.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, page } from './harness.mjs';

const LANGS = { en: 'en-GB', zh: 'zh-CN', sr: 'sr-Latn', pl: 'pl', bs: 'bs', ka: 'ka' };
const TABS = {
  en: ['Summary', 'Speakers and guests', 'Programme'],
  zh: ['概况', '嘉宾', '议程'],
  pl: ['Przegląd', 'Prelegenci i goście', 'Program'],
  ka: ['მიმოხილვა', 'მომხსენებლები და სტუმრები', 'პროგრამა'],
};
/** The built-in forum's name in each language, as the data writes it (Serbian under sr-Latn). */
const NAMES = JSON.parse(readFileSync(new URL('../../data/forum-2023.json', import.meta.url), 'utf8')).name;
const title = (lang) => NAMES[lang === 'sr' ? 'sr-Latn' : lang];
const script = (attrs = '') => `<script src="/dist/forum-widget.js" async ${attrs}></script>`;

let h;
before(async () => {
  const routes = { '/p/timed': page(script('data-src="/tests/fixtures/timed-event.json" data-view="program"')) };
  for (const lang of Object.keys(LANGS)) routes[`/p/${lang}`] = page(script(`data-lang="${lang}"`));
  // The reader is in New York: the forum's date and zone are still the event's (Beijing).
  h = await start(routes, { env: { TZ: 'America/New_York' } });
  await h.viewport(900, 1000);
});
after(() => h?.close());

/**
 * The forum's date as Node's full ICU writes it in `locale`, and its zone as this engine
 * names it, or "UTC+8" where the engine's Intl has no such language (the widget then
 * names the zone by its offset).
 */
async function expected(locale) {
  const zone = await h.run((l) => {
    const has = Intl.DateTimeFormat.supportedLocalesOf([l]).length > 0 &&
      !/^M\d+$/.test(new Intl.DateTimeFormat(l, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 10, 13)));
    return has ? new Intl.DateTimeFormat(l, { timeZone: 'Asia/Shanghai', timeZoneName: 'long' })
      .formatToParts(Date.UTC(2023, 10, 13, 4)).find((x) => x.type === 'timeZoneName').value : 'UTC+8';
  }, locale);
  // In Chinese the widget names China's zone 北京时间 (README, Languages).
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2023, 10, 13)),
    zone: locale.startsWith('zh') ? '北京时间' : zone,
  };
}

test('the widget renders in each of the six languages, dates in the event zone', async () => {
  for (const [lang, locale] of Object.entries(LANGS)) {
    await h.open(`/p/${lang}`);
    // Serbian is tagged by its script.
    assert.equal(await h.run(() => document.querySelector('forum-widget').shadowRoot.querySelector('.fw').lang), lang === 'sr' ? 'sr-Latn' : lang);
    assert.equal(await h.text('.title'), title(lang));
    const tabs = await h.texts('[role=tab]');
    if (TABS[lang]) assert.deepEqual(tabs, TABS[lang], lang);
    if (lang !== 'en') for (const tab of tabs) assert.ok(!TABS.en.includes(tab), `${lang}: tab "${tab}" is translated`);
    const { date, zone } = await expected(locale);
    const facts = await h.text('.facts');
    assert.ok(facts.includes(date), `${lang}: "${date}" in ${facts}`);
    assert.ok(facts.includes(zone), `${lang}: "${zone}" in ${facts}`);
    assert.ok((await h.text('.status')).includes(date), `${lang}: the status names the date`);
    await h.screenshot(`lang-${lang}`, await h.run(() => document.querySelector('forum-widget')));
    assert.deepEqual(await h.errors(), [], lang);
  }
});

test('the switcher changes the language in place', async () => {
  await h.open('/p/en');
  await h.run(() => { window.marker = 'still here'; });
  const select = await h.shadow('.lang-switch select');
  await select.click();
  await (await h.run((s) => s.querySelector('option[value=ka]'), select)).click();
  await h.until(() => document.querySelector('forum-widget').shadowRoot.querySelector('.fw').lang === 'ka');
  assert.deepEqual(await h.texts('[role=tab]'), TABS.ka);
  assert.equal(await h.run(() => window.marker), 'still here', 'no reload');
});

test("a timed item shows the reader's local time beside the event's", async () => {
  await h.open('/p/timed');
  const times = await h.texts('.item .time');
  // 09:30 in Beijing on 13 November 2023 is 20:30 the day before in New York.
  assert.match(times[0], /^09:30–10:00 \(your time: 12 Nov, 20:30–21:00 (EST|GMT-5)\)$/);
  assert.equal(times[2], 'Time not published');
});
