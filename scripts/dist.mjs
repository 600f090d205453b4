// Last build step: writes dist/ from the optimised wasm and the wasm-bindgen glue.
//   node scripts/dist.mjs <optimised.wasm> <glue.js>
// - forum-widget-core.<hash>.js and forum-widget.<hash>.wasm: content-hashed names, so a
//   CDN can cache them for a year; forum-widget.js is the one unhashed file and carries
//   their names (and the wasm's integrity hash).
// - a .gz (gzip -9) and a .br (brotli -q 11) copy beside each file, for servers that
//   send precompressed files;
// - manifest.json, and on stdout the sizes and the SRI hash of forum-widget.js.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist/`;

/** First 10 hex digits of the SHA-256 of `bytes`: the name part that changes with the content. */
export const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
/** A Subresource Integrity value. */
export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
export const gzip = (bytes) => zlib.gzipSync(bytes, { level: 9 });
export const brotli = (bytes) => zlib.brotliCompressSync(bytes, {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  },
});

/** The loader's line that names the other files; the build fills it in. */
const FILES_LINE = /^ {2}var FILES = \{[^\n]*\};$/m;

async function main([wasmPath, gluePath]) {
  if (!wasmPath || !gluePath) throw new Error('usage: node scripts/dist.mjs <optimised.wasm> <glue.js>');
  const wasm = readFileSync(wasmPath);
  const glue = await minify(readFileSync(gluePath, 'utf8'), {
    module: true, ecma: 2020, compress: { passes: 2 }, mangle: true,
  });
  const core = Buffer.from(glue.code);
  const names = {
    core: `forum-widget-core.${contentHash(core)}.js`,
    wasm: `forum-widget.${contentHash(wasm)}.wasm`,
    wasmIntegrity: integrity(wasm),
  };

  const source = readFileSync(`${ROOT}www/forum-widget.js`, 'utf8');
  if ((source.match(new RegExp(FILES_LINE, 'gm')) || []).length !== 1) {
    throw new Error('www/forum-widget.js must have exactly one `  var FILES = {...};` line');
  }
  const loaderSource = source.replace(FILES_LINE, `  var FILES = ${JSON.stringify(names)};`);
  const loader = Buffer.from((await minify(loaderSource, {
    compress: { passes: 2 }, mangle: true, format: { comments: /^!/ },
  })).code);

  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const files = [['forum-widget.js', loader], [names.core, core], [names.wasm, wasm]];
  const rows = files.map(([name, bytes]) => {
    const gz = gzip(bytes);
    const br = brotli(bytes);
    writeFileSync(DIST + name, bytes);
    writeFileSync(`${DIST}${name}.gz`, gz);
    writeFileSync(`${DIST}${name}.br`, br);
    return { file: name, raw: bytes.length, gzip: gz.length, brotli: br.length };
  });
  const total = rows.reduce((t, r) => ({ ...t, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { file: 'total', raw: 0, gzip: 0, brotli: 0 });
  const manifest = {
    loader: 'forum-widget.js',
    integrity: integrity(loader),
    core: names.core,
    wasm: names.wasm,
    files: [...rows, total],
  };
  writeFileSync(`${DIST}manifest.json`, JSON.stringify(manifest, null, 2) + '\n');

  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'dist/'.padEnd(34)}${pad('raw B', 9)}${pad('gzip -9 B', 11)}${pad('brotli B', 10)}`);
  for (const r of manifest.files) console.log(`${r.file.padEnd(34)}${pad(r.raw, 9)}${pad(r.gzip, 11)}${pad(r.brotli, 10)}`);
  console.log(`\nSRI of forum-widget.js (for a pinned, versioned URL):\n  integrity="${manifest.integrity}" crossorigin="anonymous"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`dist: ${error.message}`);
    process.exit(1);
  });
}
