// Short names for the functions a wasm imports from its wasm-bindgen glue. wasm-bindgen
// names each import after its Rust binding plus a 16-digit hash
// (`__wbg_fetch_9bdf00a287a5e534`), written once in the wasm's import section and once in
// the glue's import object; the hashes do not compress. This renames each one, in both
// files, to a name of one or two letters, and the import module to `w`. Nothing else in
// either file changes; an import whose name is not found in the glue stops the build.

/** An unsigned LEB128 number at `at`: [value, position after it]. */
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return [...u32(bytes.length), ...bytes];
};

/** `a`, `b`, … `Z`, then `aa`, `ab`, …: short, distinct, valid as JS property names. */
function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  let n = index;
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return out;
}

/** Where an import's description ends (function, table, memory or global). */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0x00: return readU32(bytes, at)[1];
    case 0x01: return limits(at + 1);
    case 0x02: return limits(at);
    case 0x03: return at + 2;
    default: throw new Error(`minify-imports: unknown import kind ${kind}`);
  }
}

/**
 * Renames the imports of `wasm` (a Buffer) and the matching keys of `glue` (the
 * wasm-bindgen JS, before minification). Returns { wasm, glue, renamed }.
 */
export function minifyImports(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  let at = 8;
  const out = [bytes.subarray(0, 8)];
  let renamed = 0;
  let module = null;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, payloadAt] = readU32(bytes, at + 1);
    const end = payloadAt + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let p = payloadAt;
    let count;
    [count, p] = readU32(bytes, p);
    const entries = [...u32(count)];
    const seen = new Map();
    for (let i = 0; i < count; i++) {
      let length;
      [length, p] = readU32(bytes, p);
      const from = Buffer.from(bytes.subarray(p, p + length)).toString('utf8');
      p += length;
      [length, p] = readU32(bytes, p);
      const field = Buffer.from(bytes.subarray(p, p + length)).toString('utf8');
      p += length;
      const descriptionEnd = skipDescription(bytes, p);
      if (module === null) module = from;
      if (from !== module) throw new Error(`minify-imports: a second import module, ${from}`);
      if (!seen.has(field)) seen.set(field, shortName(seen.size));
      entries.push(...name('w'), ...name(seen.get(field)), ...bytes.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    if (p !== end) throw new Error('minify-imports: the import section did not parse to its end');
    // Longest names first, so no name is replaced inside a longer one.
    for (const [field, short] of [...seen].sort((a, b) => b[0].length - a[0].length)) {
      const key = new RegExp(`\\b${field.replace(/\$/g, '\\$')}(?=\\s*:)`, 'g');
      const found = glue.match(key);
      if (!found || found.length !== 1) {
        throw new Error(`minify-imports: ${field} is a key of the glue ${found ? found.length : 0} times, not once`);
      }
      glue = glue.replace(key, short);
      renamed++;
    }
    const quoted = JSON.stringify(module);
    if (glue.split(quoted).length !== 2) throw new Error(`minify-imports: ${quoted} is not in the glue once`);
    glue = glue.replace(quoted, '"w"');
    const payload = Uint8Array.from(entries);
    out.push(Uint8Array.from([2, ...u32(payload.length)]), payload);
    at = end;
  }
  return { wasm: Buffer.concat(out), glue, renamed };
}
