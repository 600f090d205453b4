// Where the wasm's bytes go: function sizes by crate and module, from the name section,
// and the data section split into the built-in event, the stylesheet, the interface
// strings and the rest.
//   node scripts/wasm-sizes.mjs <wasm with a name section> [--top 25] [--json out.json]
// Build a wasm with names with `FW_KEEP_NAMES=1 ./scripts/build.sh` (wasm-opt -g: the same
// optimisation as dist/, names kept) — it is written to target/bindgen/forum-widget.names.wasm.
// "gzip if removed" is gzip -9 of all code minus gzip -9 of all code without that part:
// about what the download would lose if that part went. The parts' figures do not add up
// to the total (gzip shares repetition across parts).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const gz = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

/** Reads sections, function bodies, data segments and function names. */
export function readWasm(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
      shift += 7;
    }
  };
  const str = () => {
    const n = u32();
    const s = bytes.subarray(p, p + n).toString('utf8');
    p += n;
    return s;
  };
  const skipExpr = () => {
    for (;;) {
      const op = bytes[p++];
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23) u32();
    }
  };
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  const segments = [];
  const names = new Map();
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const start = p;
    const end = p + size;
    let name = '';
    if (id === 0) name = str();
    sections.push({ id, name, size: end - start + 1 + (start - (start - 0)) });
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        str();
        str();
        const kind = bytes[p++];
        if (kind === 0) { importedFunctions++; u32(); }
        else if (kind === 1) { p++; const flags = u32(); u32(); if (flags & 1) u32(); }
        else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; u32(); }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) {
        const at = p;
        const len = u32();
        bodies.push({ bytes: bytes.subarray(at, p + len) });
        p += len;
      }
    } else if (id === 11) {
      for (let n = u32(); n > 0; n--) {
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) skipExpr();
        const len = u32();
        segments.push(bytes.subarray(p, p + len));
        p += len;
      }
    } else if (id === 0 && name === 'name') {
      while (p < end) {
        const sub = bytes[p++];
        const len = u32();
        const subEnd = p + len;
        if (sub === 1) {
          for (let n = u32(); n > 0; n--) {
            const index = u32();
            names.set(index, str());
          }
        }
        p = subEnd;
      }
    }
    p = end;
    sections[sections.length - 1].size = end - start;
  }
  bodies.forEach((b, i) => { b.name = names.get(importedFunctions + i) ?? `(function ${importedFunctions + i}, no name)`; });
  return { sections, bodies, segments, names };
}

const SRC_MODULES = new Set(existsSync(`${ROOT}src`) ? readdirSync(`${ROOT}src`).map((f) => f.replace(/\.rs$/, '')) : []);

/** A function's name without its hash, crate disambiguators and leading `<&mut `. */
export const shortName = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/^<&(mut )?/, '<');

/** The part of the widget a function belongs to (first matching rule). */
export function part(name) {
  const n = shortName(name)
    // `<T as path::Trait>::f` (T a type parameter): the trait's crate made the code.
    .replace(/^<[A-Z][A-Za-z]* as ([^>]+)>/, '$1')
    // Methods of primitive types: core's.
    .replace(/^<\[[^\]]+\]( as [^>]+)?>/, (m, tr) => (tr ? tr.slice(4) : 'core::slice'))
    .replace(/^<(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|char|str|bool)( as [^>]+)?>/, (m, ty, tr) => (tr ? tr.slice(4) : `core::${ty.replace(/\W/g, '')}`));
  const rules = [
    [/^core::ptr::drop_in_place/, 'drop glue (core::ptr::drop_in_place<T>)'],
    [/CompStateInner<[^ ]+> as yew::html::component::lifecycle::Stateful>::view$/, "views: the widget's html! bodies (inlined into Yew's CompStateInner<C>::view)"],
    [/impl serde(_core)?::de::Deserialize for|__Visitor|__FieldVisitor|__Field as serde|__DeserializeWith/, 'serde derive: deserialisers of the event types (not inlined)'],
    [/impl serde(_core)?::ser::Serialize for|as serde(_core)?::ser::Serialize/, 'serde derive: serialisers'],
    [/^<*forum_widget::json::(reader|de|error)/, 'forum_widget::json (the JSON reader)'],
    [/^<*(serde|serde_core)::/, 'serde (library)'],
    [/^<*forum_widget::([a-z0-9_]+)(::([a-z0-9_]+))?/, null],
    [/^<*(yew|implicit_clone|yew_macro|prokio|pinned)::| as (yew|implicit_clone)::/, 'yew (virtual DOM, diff, hooks, scheduler, listeners)'],
    [/^<*(wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures)::| as (wasm_bindgen|js_sys|web_sys)::|^__wbg|^__wbindgen|^__externref|externref|^wasm_bindgen/, 'wasm-bindgen, js-sys, web-sys glue'],
    [/^<*gloo/, 'gloo (timers, utils)'],
    [/^<*talc::/, 'talc (allocator)'],
    [/^<*alloc::collections::btree/, 'BTreeMap (Yew\'s scheduler queue; the widget keeps none in its default build)'],
    [/^<*(hashbrown|indexmap|std::collections::hash|core::hash|std::hash)/, 'hash maps (hashbrown, indexmap, SipHash)'],
    [/^<*core::fmt|as core::fmt::|^<?alloc::fmt|panicking|^<?std::panic|^<?core::panic|rust_begin_unwind|__rust_start_panic|rust_panic|^<?core::result::unwrap_failed|^<?core::option::(expect|unwrap)_failed|slice_error_fail|_index_(len|order)_fail|^<?core::slice::index|console_error_panic_hook/, 'core::fmt and panics (messages, bounds checks)'],
    [/^<*core::slice::(sort|select)/, 'core slice sorting'],
    [/^<*(alloc|core|std)::(str|string|char|unicode)\b/, 'strings and chars (core/alloc)'],
    [/^<*(alloc|core|std)::/, 'other core/alloc/std (iterators, vectors, Rc, RefCell…)'],
    [/^compiler_builtins|^(memcpy|memset|memmove|memcmp|__rust_alloc|__rust_dealloc|__rust_realloc|__rdl_|__rg_|__rust_|__rustc)/, 'memcpy etc., allocator shims'],
    [/^[^:<]+$/, "wasm-bindgen's export wrappers (the exported functions' bodies inlined)"],
  ];
  for (const [re, label] of rules) {
    const m = n.match(re);
    if (!m) continue;
    if (label) return label;
    if (!SRC_MODULES.has(m[1])) return 'forum_widget (src/lib.rs)';
    // forum_widget: module, with the folders split one level further.
    const deeper = ['components', 'model', 'ui', 'embed', 'exports', 'json'].includes(m[1]) && m[3];
    return `forum_widget::${m[1]}${deeper ? `::${m[3]}` : ''}`;
  }
  return '(other)';
}

/** Interface strings: the string literals of the language files. */
function i18nLiterals() {
  const dir = `${ROOT}src/i18n/`;
  const out = new Set();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir, { recursive: true })) {
    if (!String(f).endsWith('.rs') || /plural|mod\.rs/.test(f)) continue;
    const text = readFileSync(dir + f, 'utf8');
    for (const [, s] of text.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
      const v = s.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\').replace(/\\u\{([0-9a-f]+)\}/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)));
      if (Buffer.byteLength(v) >= 4) out.add(v);
    }
  }
  return out;
}

/** Splits the data section's bytes into known parts by searching for their contents. */
function dataParts(segments) {
  const data = Buffer.concat(segments);
  const claimed = new Uint8Array(data.length);
  const claim = (needle) => {
    const b = Buffer.from(needle);
    let count = 0;
    for (let at = data.indexOf(b); at >= 0; at = data.indexOf(b, at + 1)) {
      for (let i = at; i < at + b.length; i++) if (!claimed[i]) { claimed[i] = 1; count++; }
    }
    return count;
  };
  const parts = [];
  const event = `${ROOT}data/forum-2023.json`;
  // build.rs embeds it minified: whitespace outside strings removed.
  const minifyJson = (text) => {
    let out = '';
    let inString = false;
    let escaped = false;
    for (const c of text) {
      if (inString) {
        out += c;
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') { inString = true; out += c; } else if (!' \t\n\r'.includes(c)) out += c;
    }
    return out;
  };
  // The default build holds the built-in event in the positional form build.rs writes
  // (src/json/compact.rs; one per build directory under target/), the full build its JSON.
  const built = readdirSync(`${ROOT}target`, { recursive: true }).map(String);
  let builtIn = 0;
  for (const f of built.filter((name) => name.endsWith('out/forum-2023.compact'))) {
    builtIn = builtIn || claim(readFileSync(`${ROOT}target/${f}`));
  }
  if (!builtIn && existsSync(event)) builtIn = claim(minifyJson(readFileSync(event, 'utf8')));
  parts.push(['data: the built-in event (its positional form, or data/forum-2023.json minified)', builtIn]);
  const css = built.find((f) => f.endsWith('out/widget.css'));
  if (css) parts.push(['data: the stylesheet (minified src/widget.css)', claim(readFileSync(`${ROOT}target/${css}`))]);
  let strings = 0;
  for (const s of [...i18nLiterals()].sort((a, b) => b.length - a.length)) strings += claim(s);
  parts.push(['data: interface strings (src/i18n, six languages)', strings]);
  // Panic locations: the source paths rustc keeps for file:line:column.
  let paths = 0;
  for (const m of data.toString('latin1').matchAll(/[\x21-\x7e]*\.rs/g)) paths += claim(m[0]);
  parts.push(['data: source file paths of panic locations', paths]);
  let zeros = 0;
  data.forEach((b, i) => { if (b === 0 && !claimed[i]) { claimed[i] = 1; zeros++; } });
  parts.push(['data: zero bytes (padding, zero-initialised statics, tables)', zeros]);
  parts.push(['data: the rest (field and type names, error and panic texts, JSON-LD and .ics keys, tables)', claimed.reduce((n, c) => n + (c ? 0 : 1), 0)]);
  return { data, parts };
}

async function main(args) {
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const top = Number(args[args.indexOf('--top') + 1]) || 25;
  if (!file) throw new Error('usage: node scripts/wasm-sizes.mjs <wasm> [--top 25] [--json out.json]');
  const bytes = readFileSync(file);
  const { sections, bodies, segments } = readWasm(bytes);
  const code = Buffer.concat(bodies.map((b) => b.bytes));
  const codeGz = gz(code);
  const { data, parts: dataRows } = dataParts(segments);

  const groups = new Map();
  for (const b of bodies) {
    const key = part(b.name);
    const g = groups.get(key) ?? { part: key, raw: 0, functions: 0, bodies: [] };
    g.raw += b.bytes.length;
    g.functions++;
    g.bodies.push(b.bytes);
    groups.set(key, g);
  }
  const rows = [...groups.values()].map((g) => {
    const rest = Buffer.concat(bodies.filter((b) => part(b.name) !== g.part).map((b) => b.bytes));
    return { part: g.part, functions: g.functions, raw: g.raw, gzipIfRemoved: codeGz - gz(rest) };
  }).sort((a, b) => b.raw - a.raw);

  const pct = (n, total) => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`${file}: ${bytes.length} B, gzip -9 ${gz(bytes)} B`);
  console.log('\nsections:');
  const sectionName = (s) => (s.id === 0 ? `custom "${s.name}"` : ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'][s.id]);
  for (const s of sections) console.log(`  ${sectionName(s).padEnd(22)} ${String(s.size).padStart(8)} B`);
  console.log(`\ncode: ${code.length} B in ${bodies.length} functions, gzip -9 ${codeGz} B`);
  console.log(`| part | functions | raw B | share of code | gzip B if removed |\n|---|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| ${r.part} | ${r.functions} | ${r.raw} | ${pct(r.raw, code.length)} | ${r.gzipIfRemoved} |`);
  console.log(`\ndata: ${data.length} B in ${segments.length} segments, gzip -9 ${gz(data)} B`);
  console.log(`| part | raw B | share of data |\n|---|---:|---:|`);
  for (const [label, n] of dataRows) console.log(`| ${label} | ${n} | ${pct(n, data.length)} |`);
  console.log(`\nlargest ${top} functions:`);
  console.log(`| function | part | raw B |\n|---|---|---:|`);
  const biggest = [...bodies].sort((a, b) => b.bytes.length - a.bytes.length).slice(0, top);
  for (const b of biggest) {
    const shown = shortName(b.name).replace(/\|/g, '\\|');
    console.log(`| \`${shown.length > 110 ? `${shown.slice(0, 107)}…` : shown}\` | ${part(b.name)} | ${b.bytes.length} |`);
  }
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0) {
    writeFileSync(args[jsonAt + 1], JSON.stringify({
      file, raw: bytes.length, gzip: gz(bytes), code: { raw: code.length, gzip: codeGz, parts: rows },
      data: { raw: data.length, gzip: gz(data), parts: dataRows.map(([part, raw]) => ({ part, raw })) },
      functions: [...bodies].sort((a, b) => b.bytes.length - a.bytes.length).map((b) => ({ name: b.name, part: part(b.name), raw: b.bytes.length })),
    }, null, 1));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`wasm-sizes: ${error.stack}`);
    process.exit(1);
  });
}
