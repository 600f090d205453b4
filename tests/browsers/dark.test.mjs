// In every engine, in a browser that prefers a dark colour scheme: theme="auto" follows
// it, theme="light" does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, page } from './harness.mjs';

const LOADER = '<script src="/dist/forum-widget.js" async data-mount="none"></script>';
const DARK = 'rgb(22, 27, 34)';
const LIGHT = 'rgb(255, 255, 255)';

let h;
before(async () => {
  h = await start({
    '/p/themes': page(`<forum-widget theme="dark"></forum-widget><forum-widget theme="auto"></forum-widget><forum-widget theme="light"></forum-widget>${LOADER}`),
  }, { dark: true });
  await h.viewport(1024, 900);
});
after(() => h?.close());

test('theme="auto" follows a dark prefers-color-scheme; "light" stays light', async () => {
  await h.open('/p/themes', { count: 3 });
  assert.equal(await h.run(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'the browser prefers dark');
  const backgrounds = await h.run(() => [...document.querySelectorAll('forum-widget')]
    .map((el) => getComputedStyle(el.shadowRoot.querySelector('.fw')).backgroundColor));
  assert.deepEqual(backgrounds, [DARK, DARK, LIGHT]);
  await h.screenshot('themes-dark');
});
