// Byte budgets: the gzip -9 total of every file a visitor downloads, for the default
// widget (the built-in event) and for a widget with a `src` (the full build).
// Bytes are deterministic, so this guards against growth; lower a budget as the size falls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { ROOT, distNames } from './harness.mjs';

// The default widget: 144,334 B plus under 1 KB of room (184,249 B before the timetable
// issue, whose features are in the full build; the schedule-formats issue's allowance,
// 187,904 + 2,000 B, is met; fetching a `src` left the default build, which is never
// given one, for 5,106 B less, the checks of event files, which the built-in event
// passes in the tests, for 5,629 B less, and panics abort, the loader showing the
// internal-error notice, for 6,810 B less; the default wasm's extra wasm-opt passes,
// scripts/build.sh, for 1,390 B less; texts' languages and the reader's stars in sorted
// vectors instead of B-trees, and no map of people's items, for 7,320 B less; the built-in
// event read from its positional form, so no JSON reader at all, for 13,394 B less; the
// people's items found once by id, for 932 B less). The build-std release build (README.md, "How the release
// wasm is built"; the plain FW_STABLE_BUILD=1 build is about 11 KB larger and fails here),
// with the built-in forum in six languages compiled in and short import names
// (scripts/minify-imports.mjs). Issue 13's goal of 150,000 B is met; the next is 100,000:
// BENCHMARKS.md says where the bytes go. Lower BUDGET with every saving.
const BUDGET = 145_000;
// With a src: the loader and the full build (large programmes), 217,417 B plus under 1 KB
// (224,143 B before the filters became a component of their own, which a search keystroke
// does not render again, and the zone name and offsets were remembered: +1,675 B; 226,180 B
// before the sorted vectors above: −8,072 B; the programme's sort, now shared with build.rs, +99 B;
// the people's items found once by id, −790 B).
const BUDGET_WITH_SRC = 218_500;

const gzipTotal = (files) => {
  const sizes = files.map((f) => zlib.gzipSync(readFileSync(`${ROOT}dist/${f}`), { level: 9 }).length);
  return { total: sizes.reduce((a, b) => a + b, 0), list: files.map((f, i) => `${f} ${sizes[i]}`).join(', ') };
};

test(`the default widget downloads at most ${BUDGET} bytes gzipped`, () => {
  const { loader, core, wasm } = distNames();
  const { total, list } = gzipTotal([loader, core, wasm]);
  assert.ok(total <= BUDGET, `${total} bytes gzipped (${list}) exceed the budget of ${BUDGET}`);
});

test(`a widget with a src downloads at most ${BUDGET_WITH_SRC} bytes gzipped (before any schedule readers)`, () => {
  const { withSrc } = JSON.parse(readFileSync(`${ROOT}dist/manifest.json`, 'utf8'));
  const { total, list } = gzipTotal([distNames().loader, withSrc.core, withSrc.wasm]);
  assert.ok(total <= BUDGET_WITH_SRC, `${total} bytes gzipped (${list}) exceed the budget of ${BUDGET_WITH_SRC}`);
  // The full build is what a src costs on top of the default widget, never less than it.
  assert.ok(total > gzipTotal([distNames().loader, distNames().core, distNames().wasm]).total);
});
