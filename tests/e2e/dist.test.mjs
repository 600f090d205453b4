// What the build hands to a host: content-hashed file names, precompressed copies, the
// SRI hash of the loader (and the wasm check it turns on), the cache headers the preview
// server sends as README.md recommends for a CDN, and its CORS headers when started the
// way scripts/start.sh starts it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { start, page, ROOT, distNames, waitForWidgets } from './harness.mjs';

const DIST = `${ROOT}dist/`;
const sha = (algorithm, bytes, encoding) => createHash(algorithm).update(bytes).digest(encoding);
const sri = (bytes) => `sha384-${sha('sha384', bytes, 'base64')}`;
const HOST = '<button id="host-button" type="button">Host button</button>';

let h;
let names;
let loader;
let preview;
before(async () => {
  preview = await startPreview();
  names = distNames();
  loader = await readFile(DIST + names.loader);
  const wasm = await readFile(DIST + names.wasm);
  // A valid wasm that differs from the build: the same module plus an extra custom section.
  const tampered = Buffer.concat([wasm, Buffer.from([0, 5, 4, ...Buffer.from('test')])]);
  const serve = (bytes, type) => (req, res) => res.writeHead(200, { 'Content-Type': type }).end(bytes);
  const script = (dir, integrity) =>
    `<script src="/${dir}/forum-widget.js" async${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''}></script>`;
  const routes = { '/p/pinned': page(`${HOST}${script('dist', sri(loader))}`) };
  for (const dir of ['tampered', 'tampered-pinned']) {
    routes[`/${dir}/forum-widget.js`] = serve(loader, 'text/javascript');
    routes[`/${dir}/${names.core}`] = serve(await readFile(DIST + names.core), 'text/javascript');
    routes[`/${dir}/${names.wasm}`] = serve(tampered, 'application/wasm');
    routes[`/p/${dir}`] = page(`${HOST}${script(dir, dir.endsWith('pinned') && sri(loader))}`);
  }
  // A partner's page on another port (another origin) than the preview server.
  routes['/p/partner-on-other-port'] = page(`${HOST}<script src="${preview.base}/dist/forum-widget.js"></script>`);
  h = await start(routes);
});
after(() => {
  preview?.stop();
  return h?.close();
});

test('the wasm and its JS glue carry their content hash; forum-widget.js names them', async () => {
  for (const [name, pattern] of [[names.core, /^forum-widget-core\.([0-9a-f]{10})\.js$/], [names.wasm, /^forum-widget\.([0-9a-f]{10})\.wasm$/]]) {
    const [, hash] = name.match(pattern) ?? assert.fail(`${name} has no content hash`);
    assert.equal(hash, sha('sha256', await readFile(DIST + name), 'hex').slice(0, 10), `${name}: the hash is of its content`);
    assert.ok(loader.includes(`"${name}"`), `forum-widget.js names ${name}`);
  }
  assert.ok(loader.includes(sri(await readFile(DIST + names.wasm))), "forum-widget.js holds the wasm's integrity hash");
  const unhashed = (await readdir(DIST)).filter((f) => !/\.[0-9a-f]{10}\.(js|wasm)(\.gz|\.br)?$/.test(f));
  assert.deepEqual(unhashed.sort(), ['forum-widget.js', 'forum-widget.js.br', 'forum-widget.js.gz', 'manifest.json']);
});

test('both wasm files import short names from module `w`, each a key of their glue', async () => {
  const manifest = JSON.parse(await readFile(`${ROOT}dist/manifest.json`, 'utf8'));
  const { core, wasm } = distNames();
  const readers = manifest.onDemand.map((r) => r.file);
  const pairs = [[wasm, core], [readers.find((f) => f.endsWith('.wasm')), readers.find((f) => f.endsWith('.js'))]];
  for (const [wasmFile, glueFile] of pairs) {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(`${ROOT}dist/${wasmFile}`)));
    const glue = await readFile(`${ROOT}dist/${glueFile}`, 'utf8');
    assert.ok(imports.length > 0, wasmFile);
    for (const { module, name } of imports) {
      assert.equal(module, 'w', `${wasmFile}: ${module}`);
      assert.match(name, /^[a-zA-Z]{1,2}$/, `${wasmFile}: ${name}`);
      assert.match(glue, new RegExp(`[{,]${name}:`), `${glueFile} provides ${name}`);
    }
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}/, `${glueFile} has no hashed import names left`);
  }
});

test('each file has .gz and .br copies that unpack to the same bytes', async () => {
  for (const name of Object.values(names)) {
    const raw = await readFile(DIST + name);
    // gzip(1) itself reads the .gz, so the copy is checked by another implementation.
    assert.ok(execFileSync('gzip', ['-dc', `${DIST}${name}.gz`], { maxBuffer: 64 << 20 }).equals(raw), `${name}.gz`);
    const br = await readFile(`${DIST}${name}.br`);
    assert.ok(zlib.brotliDecompressSync(br).equals(raw), `${name}.br`);
    assert.ok(br.length < raw.length, `${name}.br is smaller`);
  }
});

test("manifest.json gives forum-widget.js's SRI hash; a page that pins it runs the widget", async () => {
  const manifest = JSON.parse(await readFile(`${DIST}manifest.json`, 'utf8'));
  assert.equal(manifest.integrity, sri(loader));
  const p = await h.newPage();
  await p.goto(`${h.base}/p/pinned`);
  await waitForWidgets(p);
  assert.equal(await p.locator('forum-widget .title').count(), 1);
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});

test('a pinned loader refuses a wasm that is not from its build; an unpinned one runs it', async () => {
  const p = await h.newPage();
  await p.goto(`${h.base}/p/tampered`);
  await waitForWidgets(p);
  assert.equal(await p.locator('forum-widget .title').count(), 1, 'the changed wasm is itself valid');
  await p.close();

  const q = await h.newPage();
  await q.goto(`${h.base}/p/tampered-pinned`);
  await q.locator('forum-widget .fw-loader-message').filter({ hasText: 'could not be loaded' }).waitFor();
  assert.match(await q.locator('forum-widget .fw-loader-message').textContent(), /widget files could not be fetched/);
  assert.ok(q.consoleErrors.some((e) => /from the same build as this pinned forum-widget\.js/.test(e)), q.consoleErrors.join('\n'));
  assert.equal(await q.locator('forum-widget .title').count(), 0);
  await q.locator('#host-button').click({ timeout: 2000 });
  await q.close();
});

test('the server sends hashed files for a year, the loader revalidated, both precompressed', async () => {
  const get = (name, headers = {}) => fetch(`${h.base}/dist/${name}`, { headers: { 'Accept-Encoding': 'br, gzip', ...headers } });
  const wasm = await get(names.wasm);
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers.get('content-encoding'), 'br');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.ok(Buffer.from(await wasm.arrayBuffer()).equals(await readFile(DIST + names.wasm)), 'decoded body is the wasm');

  const js = await get(names.loader, { 'Accept-Encoding': 'gzip' });
  assert.equal(js.headers.get('cache-control'), 'no-cache');
  assert.equal(js.headers.get('content-encoding'), 'gzip');
  assert.equal(js.headers.get('vary'), 'Accept-Encoding');
  const again = await get(names.loader, { 'If-None-Match': js.headers.get('etag') });
  assert.equal(again.status, 304, 'an unchanged loader is revalidated, not sent again');

  const plain = await get(names.loader, { 'Accept-Encoding': 'identity' });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.ok(Buffer.from(await plain.arrayBuffer()).equals(loader));
});

/** Runs the server command of scripts/start.sh (its `exec node scripts/serve.mjs …` line) on a free port. */
async function startPreview() {
  const line = (await readFile(`${ROOT}scripts/start.sh`, 'utf8')).split('\n').find((l) => /^exec node scripts\/serve\.mjs /.test(l));
  assert.ok(line, 'scripts/start.sh ends with `exec node scripts/serve.mjs …`');
  const child = spawn('bash', ['-c', line], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Preview: (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`the preview server exited (${code}): ${out}`)));
  });
  return { base, stop: () => child.kill() };
}

test('the preview server started as scripts/start.sh does sends CORS: a page on another port embeds from it', async () => {
  for (const name of Object.values(names)) {
    const r = await fetch(`${preview.base}/dist/${name}`, { headers: { Origin: h.base } });
    assert.equal(r.status, 200, name);
    assert.equal(r.headers.get('access-control-allow-origin'), '*', `${name} is sent with CORS`);
  }
  assert.notEqual(new URL(preview.base).port, new URL(h.base).port);
  const p = await h.newPage();
  await p.goto(`${h.base}/p/partner-on-other-port`);
  await waitForWidgets(p);
  assert.equal(await p.locator('forum-widget .title').count(), 1);
  const wasm = await p.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.name));
  assert.deepEqual(wasm.map((u) => new URL(u).origin), [preview.base], 'the wasm came from the preview server');
  assert.deepEqual(p.consoleErrors, []);
  await p.close();
});
