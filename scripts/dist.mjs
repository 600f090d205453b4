// Last build step: writes dist/ from the optimised wasm and the wasm-bindgen glue.
//   node scripts/dist.mjs <optimised.wasm> <glue.js> <full.wasm> <full-glue.js> <readers.wasm> <readers-glue.js>
// - forum-widget-full-core.<hash>.js and forum-widget-full.<hash>.wasm: the full build (large
//   programmes), which the loader fetches instead when the widget has a src;
// - forum-widget-core.<hash>.js and forum-widget.<hash>.wasm: content-hashed names, so a
//   CDN can cache them for a year; forum-widget.js is the one unhashed file and carries
//   their names (and the wasm's integrity hash).
// - a .gz (gzip -9) and a .br (brotli -q 11) copy beside each file, for servers that
//   send precompressed files;
// - manifest.json, and on stdout the sizes and the SRI hash of forum-widget.js;
// - dist-test/: the same files with a loader that keeps its test hooks (for the tests of
//   internal errors); the production loader has them cut out.
// The loader's build-time constants come from their one source each (see fillLoader).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { minifyImports } from './minify-imports.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist/`;
const DIST_TEST = `${ROOT}dist-test/`;

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

/** `  const NAME = …;`, a line of the loader that the build fills in. */
const constLine = (name) => new RegExp(`^ {2}const ${name} = [^\n]*;$`, 'm');
const TEST_HOOKS = /\n *\/\* test-hooks:[^]*?\/\* :test-hooks \*\/\n/;

/** The option names: `pub const NAMES` in src/options.rs. */
export function optionNames() {
  const rust = readFileSync(`${ROOT}src/options.rs`, 'utf8');
  const list = rust.match(/pub const NAMES: \[&str; \d+\] = \[([^\]]*)\]/);
  if (!list) throw new Error('src/options.rs must define `pub const NAMES: [&str; N] = [...]`');
  return [...list[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
}

/** The widget's default colours, from the `.fw` rule of src/widget.css, for the loader's placeholder. */
export function palette() {
  const css = readFileSync(`${ROOT}src/widget.css`, 'utf8');
  const rule = css.match(/\n\.fw \{([^}]*)\}/);
  if (!rule) throw new Error('src/widget.css must have a `.fw { ... }` rule');
  const wanted = ['color-scheme', '--_primary', '--_muted', '--_bg', '--_border'];
  const declarations = wanted.map((name) => {
    const found = rule[1].match(new RegExp(`(?:^|\\s)${name}:\\s*([^;]+);`));
    if (!found) throw new Error(`src/widget.css: .fw has no ${name}`);
    return `${name}:${found[1].trim()};`;
  });
  return declarations.join('');
}

/**
 * The internal-error notice in each interface language, for the loader (which shows it:
 * a panic stops the wasm): `{ tag: [error_title, error_internal] }` from src/i18n/*.rs.
 */
export function internalErrorTexts() {
  const texts = {};
  const field = (rust, name, file) => {
    const found = rust.match(new RegExp(`\\n\\s*${name}: "((?:[^"\\\\]|\\\\.)*)",`));
    if (!found) throw new Error(`src/i18n/${file} has no ${name}`);
    return JSON.parse(`"${found[1]}"`);
  };
  for (const file of readdirSync(`${ROOT}src/i18n`).filter((f) => f.endsWith('.rs') && f !== 'mod.rs' && !f.startsWith('plural'))) {
    const rust = readFileSync(`${ROOT}src/i18n/${file}`, 'utf8');
    if (!/\n\s*tag: "/.test(rust)) continue;
    texts[field(rust, 'tag', file)] = [field(rust, 'error_title', file), field(rust, 'error_internal', file)];
  }
  if (!texts.en) throw new Error('src/i18n/en.rs must give the internal-error notice');
  return texts;
}

/**
 * The widget's glue with every call into its wasm guarded: a trap (a Rust panic, which
 * aborts) is reported once to the handler the loader sets with `setTrapHandler`, then
 * thrown on as before. Written for wasm-bindgen's glue, whose one `wasm = instance.exports;`
 * line it changes; the build stops if that line is not there exactly once.
 */
export function guardTraps(glue) {
  const line = '    wasm = instance.exports;';
  if (glue.split(line).length !== 2) throw new Error(`the wasm-bindgen glue must have exactly one \`${line.trim()}\` line`);
  return `${glue.replace(line, '    wasm = guardTraps(instance.exports);')}
let trapHandler = null;
/** The loader's function to call, once, when the wasm traps: the instance is unusable then. */
export function setTrapHandler(handler) {
    trapHandler = handler;
}
function guardTraps(exports) {
    const guarded = {};
    for (const [name, value] of Object.entries(exports)) {
        guarded[name] = typeof value !== 'function' ? value : (...args) => {
            try {
                return value(...args);
            } catch (error) {
                if (error instanceof WebAssembly.RuntimeError && trapHandler) {
                    const handler = trapHandler;
                    trapHandler = null;
                    handler(error);
                }
                throw error;
            }
        };
    }
    return guarded;
}
`;
}

/** The page the built-in event was published on: its first source with a URL. */
export function sourcePage() {
  const event = JSON.parse(readFileSync(`${ROOT}data/forum-2023.json`, 'utf8'));
  const url = (event.sources || []).map((s) => s.url).find(Boolean);
  if (!url) throw new Error('data/forum-2023.json has no source with a url');
  return url;
}

export function version() {
  const toml = readFileSync(`${ROOT}Cargo.toml`, 'utf8');
  return toml.match(/^version = "([^"]+)"/m)[1];
}

/** The loader's source with its build-time constants written in; test hooks cut unless `withTestHooks`. */
export function fillLoader(source, names, { withTestHooks = false } = {}) {
  const values = {
    OPTIONS: optionNames(),
    INTERNAL_ERROR: internalErrorTexts(),
    SOURCE_PAGE: sourcePage(),
    PALETTE: palette(),
    VERSION: version(),
    FILES: names,
  };
  let out = source;
  for (const [name, value] of Object.entries(values)) {
    const line = constLine(name);
    if ((out.match(new RegExp(line, 'gm')) || []).length !== 1) {
      throw new Error(`www/forum-widget.js must have exactly one \`  const ${name} = ...;\` line`);
    }
    out = out.replace(line, `  const ${name} = ${JSON.stringify(value)};`);
  }
  if (!TEST_HOOKS.test(out)) throw new Error('www/forum-widget.js must mark its test hooks');
  return withTestHooks ? out : out.replace(TEST_HOOKS, '\n');
}

async function main([wasmPath, gluePath, fullWasmPath, fullGluePath, readersWasmPath, readersGluePath]) {
  if (!wasmPath || !gluePath || !fullWasmPath || !fullGluePath || !readersWasmPath || !readersGluePath) {
    throw new Error('usage: node scripts/dist.mjs <optimised.wasm> <glue.js> <full.wasm> <full-glue.js> <readers.wasm> <readers-glue.js>');
  }
  const minifyModule = async (text) => Buffer.from((await minify(text, {
    module: true, ecma: 2020, compress: { passes: 2 }, mangle: true,
  })).code);
  // Each wasm with short import names, and its glue to match (scripts/minify-imports.mjs).
  // The widget's glue also guards its calls into the wasm (a trap reaches the loader).
  const shortImports = async (wasmFile, glueFile, edit = (glue) => glue) => {
    const { wasm, glue } = minifyImports(readFileSync(wasmFile), readFileSync(glueFile, 'utf8'));
    return [wasm, await minifyModule(edit(glue))];
  };
  const [wasm, core] = await shortImports(wasmPath, gluePath, guardTraps);
  // The full build, with the large-programme feature: fetched instead when there is a src.
  const [fullWasm, fullCore] = await shortImports(fullWasmPath, fullGluePath, guardTraps);
  // The schedule readers: fetched only when a src file is in another format.
  const [readersWasm, readersCore] = await shortImports(readersWasmPath, readersGluePath);
  const names = {
    core: `forum-widget-core.${contentHash(core)}.js`,
    wasm: `forum-widget.${contentHash(wasm)}.wasm`,
    wasmIntegrity: integrity(wasm),
    fullCore: `forum-widget-full-core.${contentHash(fullCore)}.js`,
    fullWasm: `forum-widget-full.${contentHash(fullWasm)}.wasm`,
    fullWasmIntegrity: integrity(fullWasm),
    readersCore: `schedule-readers.${contentHash(readersCore)}.js`,
    readersWasm: `schedule-readers.${contentHash(readersWasm)}.wasm`,
  };

  const source = readFileSync(`${ROOT}www/forum-widget.js`, 'utf8');
  const minifyLoader = async (text) => Buffer.from((await minify(text, {
    compress: { passes: 2 }, mangle: true, format: { comments: /^!/ },
  })).code);
  const loader = await minifyLoader(fillLoader(source, names));
  const testLoader = await minifyLoader(fillLoader(source, names, { withTestHooks: true }));

  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const files = [['forum-widget.js', loader], [names.core, core], [names.wasm, wasm]];
  const withSrc = [[names.fullCore, fullCore], [names.fullWasm, fullWasm]];
  const onDemand = [[names.readersCore, readersCore], [names.readersWasm, readersWasm]];
  const row = ([name, bytes]) => {
    const gz = gzip(bytes);
    const br = brotli(bytes);
    writeFileSync(DIST + name, bytes);
    writeFileSync(`${DIST}${name}.gz`, gz);
    writeFileSync(`${DIST}${name}.br`, br);
    return { file: name, raw: bytes.length, gzip: gz.length, brotli: br.length };
  };
  const rows = files.map(row);
  const withSrcRows = withSrc.map(row);
  const onDemandRows = onDemand.map(row);
  const sum = (list) => list.reduce((t, r) => ({ ...t, raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { file: 'total', raw: 0, gzip: 0, brotli: 0 });
  const total = sum(rows);
  const manifest = {
    loader: 'forum-widget.js',
    integrity: integrity(loader),
    core: names.core,
    wasm: names.wasm,
    files: [...rows, total],
    // What a widget with a src downloads instead of the default core and wasm (with the loader).
    withSrc: { core: names.fullCore, wasm: names.fullWasm, files: [rows[0], ...withSrcRows, sum([rows[0], ...withSrcRows])] },
    // Not part of the default download: loaded only for schedules in other formats.
    onDemand: onDemandRows,
  };
  writeFileSync(`${DIST}manifest.json`, JSON.stringify(manifest, null, 2) + '\n');

  rmSync(DIST_TEST, { recursive: true, force: true });
  mkdirSync(DIST_TEST, { recursive: true });
  writeFileSync(`${DIST_TEST}forum-widget.js`, testLoader);
  writeFileSync(DIST_TEST + names.core, core);
  writeFileSync(DIST_TEST + names.wasm, wasm);
  for (const [name, bytes] of [...withSrc, ...onDemand]) writeFileSync(DIST_TEST + name, bytes);

  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'dist/'.padEnd(34)}${pad('raw B', 9)}${pad('gzip -9 B', 11)}${pad('brotli B', 10)}`);
  for (const r of manifest.files) console.log(`${r.file.padEnd(34)}${pad(r.raw, 9)}${pad(r.gzip, 11)}${pad(r.brotli, 10)}`);
  console.log('with a src (the full build, instead of the two files above):');
  for (const r of manifest.withSrc.files.slice(1)) console.log(`${r.file.padEnd(34)}${pad(r.raw, 9)}${pad(r.gzip, 11)}${pad(r.brotli, 10)}`);
  console.log('on demand (other schedule formats):');
  for (const r of onDemandRows) console.log(`${r.file.padEnd(34)}${pad(r.raw, 9)}${pad(r.gzip, 11)}${pad(r.brotli, 10)}`);
  console.log(`\nSRI of forum-widget.js (for a pinned, versioned URL):\n  integrity="${manifest.integrity}" crossorigin="anonymous"`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`dist: ${error.message}`);
    process.exit(1);
  });
}
