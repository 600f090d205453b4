// The npm package the build packs (target/npm/*.tgz, by scripts/pack.mjs): unpacked as a
// CDN that mirrors npm serves it (jsDelivr's /npm/<name>@<version>/<file> paths, with
// CORS, no precompressed copies), it runs the widget on a partner page of another origin,
// and it holds exactly dist/'s shipped files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, page, ROOT, waitForWidgets, TITLE_ZH } from './harness.mjs';
import { staticServer, listen } from '../../scripts/serve.mjs';
import { PACKAGE_NAME, crateVersion, shippedFiles } from '../../scripts/pack.mjs';

const VERSION = crateVersion();
const TARBALL = `${ROOT}target/npm/${PACKAGE_NAME.replace(/^@/, '').replace('/', '-')}-${VERSION}.tgz`;
const CDN_PATH = `/npm/${PACKAGE_NAME}@${VERSION}`;

let h;
let cdn;
let cdnBase;
let tmp;
let dir;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'forum-widget-package-'));
  dir = join(tmp, ...CDN_PATH.slice(1).split('/'));
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', TARBALL, '-C', dir, '--strip-components=1']);
  cdn = staticServer({ root: tmp, cors: true });
  cdnBase = await listen(cdn);
  const script = (attrs = '') => `<script src="${cdnBase}${CDN_PATH}/forum-widget.js"${attrs}></script>`;
  const { manifest } = shippedFiles();
  h = await start({
    '/p/from-package': page(`${script()}${script(' data-lang="zh" data-view="program"')}`),
    '/p/from-package-pinned': page(script(` integrity="${manifest.integrity}" crossorigin="anonymous"`)),
  });
});
after(async () => {
  await h?.close();
  cdn?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test("the package holds exactly dist/'s shipped files, byte for byte, plus package.json and README.md", () => {
  const { files } = shippedFiles();
  assert.deepEqual(readdirSync(dir).sort(), [...files, 'package.json', 'README.md'].sort());
  for (const f of files) assert.ok(readFileSync(join(dir, f)).equals(readFileSync(`${ROOT}dist/${f}`)), `${f} is dist/${f}`);
  // npm's own listing of the tarball agrees.
  const listed = execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  assert.deepEqual(listed.sort(), readdirSync(dir).sort());
});

test("package.json: the crate's version, and exports/files naming the loader and the hashed files", () => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const { manifest, files } = shippedFiles();
  assert.equal(pkg.name, PACKAGE_NAME);
  assert.equal(pkg.version, VERSION);
  assert.deepEqual(pkg.files, files);
  assert.equal(pkg.exports['.'], './forum-widget.js');
  for (const f of [manifest.loader, manifest.core, manifest.wasm]) assert.equal(pkg.exports[`./${f}`], `./${f}`);
  for (const target of Object.values(pkg.exports)) assert.ok(readdirSync(dir).includes(target.slice(2)), `${target} is in the package`);
  assert.match(readFileSync(join(dir, 'forum-widget.js'), 'utf8'), new RegExp(`version:"${VERSION.replace(/\./g, '\\.')}"`), 'the loader reports the same version');
});

test('served from the unpacked package on another origin, the widget renders (two on one page, en and zh)', async () => {
  const p = await h.open('/p/from-package', { count: 2 });
  const titles = await p.locator('forum-widget .title').allTextContents();
  assert.equal(titles.length, 2);
  assert.match(titles[0], /SME Cooperation Forum/);
  assert.equal(titles[1], TITLE_ZH);
  assert.equal(await p.locator('forum-widget').nth(1).locator('[role=tab][aria-selected=true]').textContent(), '议程');
  const fetched = await p.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /forum-widget/.test(u)));
  assert.ok(fetched.length >= 3 && fetched.every((u) => u.startsWith(cdnBase)), fetched.join('\n'));
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test("a page pinning the package's loader with manifest.json's SRI hash runs the widget", async () => {
  const p = await h.open('/p/from-package-pinned');
  assert.equal(await p.locator('forum-widget .title').count(), 1);
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});
