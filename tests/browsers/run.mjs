// Runs the cross-engine end-to-end suite (tests/browsers/*.test.mjs) in each engine in
// turn and prints how long each took:
//   node tests/browsers/run.mjs [chromium] [firefox] [webkit]     (default: all three)
// WebKitGTK's MiniBrowser has no headless mode: for it this starts an Xvfb of its own
// (on the first free display) and stops it when the WebKit run ends.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox', 'webkit'];
const files = readdirSync(HERE).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => `${HERE}${f}`);

/** Starts Xvfb on a free display; resolves to { display, stop }. */
function xvfb() {
  return new Promise((done, fail) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1600x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let log = '';
    child.stderr.on('data', (d) => { log += d; });
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) done({ display: `:${out.trim()}`, stop: () => child.kill() });
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}: ${log}`)));
  });
}

function run(engine, env) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
      stdio: 'inherit',
      cwd: ROOT,
      env: { ...process.env, ...env, ENGINE: engine },
    });
    child.once('exit', (code) => done(code ?? 1));
  });
}

const summary = [];
let failed = false;
for (const engine of engines) {
  let x = null;
  const env = {};
  if (engine === 'webkit') {
    x = await xvfb();
    env.DISPLAY = x.display;
  }
  console.log(`\n==> cross-engine end-to-end tests in ${engine}${x ? ` (Xvfb ${x.display})` : ''}`);
  const started = process.hrtime.bigint();
  let code;
  try {
    code = await run(engine, env);
  } finally {
    x?.stop();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let version = '?';
  try { version = readFileSync(`${ROOT}test-results/${engine}/version.txt`, 'utf8').trim(); } catch { /* never started */ }
  summary.push(`${engine.padEnd(9)} ${version.padEnd(28)} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s`);
  failed ||= code !== 0;
}
console.log(`\ncross-engine suite:\n  ${summary.join('\n  ')}`);
process.exit(failed ? 1 : 0);
