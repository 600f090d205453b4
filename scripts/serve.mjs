// A small static file server for the preview page and the tests (loopback only).
//   node scripts/serve.mjs [--port 8080] [--root .] [--no-cors]
// Run this way (as scripts/start.sh does) it sends Access-Control-Allow-Origin: * with every
// file, so a partner's own page on another local port can load the widget from it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
};

/** A content-hashed build file (name.0123456789.ext) never changes: cache it for a year. */
const HASHED = /\.[0-9a-f]{10}\.(js|wasm)$/;
export const cacheControl = (path) => (HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** Whether an Accept-Encoding header allows `encoding` (a q=0 entry refuses it). */
export function accepts(header, encoding) {
  return String(header || '').split(',').some((entry) => {
    const [name, ...params] = entry.trim().split(';');
    return name.trim().toLowerCase() === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

/**
 * Serves files under `root`, with the cache headers README.md recommends for a CDN and
 * the build's precompressed copies. `routes` maps a path to a handler (req, res) for
 * test fixtures; `cors` adds Access-Control-Allow-Origin: * to every answer.
 */
export function staticServer({ root, cors = false, routes = {} }) {
  const top = resolve(root);
  return createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    const route = routes[url.pathname];
    if (route) return route(req, res);
    let path = normalize(join(top, decodeURIComponent(url.pathname)));
    if (path !== top && !path.startsWith(top + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path);
      }
      const headers = {
        'Content-Type': TYPES[extname(path)] || 'application/octet-stream',
        'Cache-Control': cacheControl(path),
        ETag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`,
        Vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers).end();
        return;
      }
      // Files written by the build with .br and .gz copies are sent precompressed.
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts(req.headers['accept-encoding'], encoding)) continue;
        const packed = await readFile(path + suffix).catch(() => null);
        if (packed) {
          res.writeHead(200, { ...headers, 'Content-Encoding': encoding });
          res.end(req.method === 'HEAD' ? undefined : packed);
          return;
        }
      }
      const body = await readFile(path);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}\n`);
    }
  });
}

/** Starts a server on 127.0.0.1 and resolves to its base URL. */
export function listen(server, port = 0) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(`http://127.0.0.1:${server.address().port}`));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const server = staticServer({ root: opt('--root', '.'), cors: !args.includes('--no-cors') });
  const base = await listen(server, Number(opt('--port', process.env.PORT || 8080)));
  console.log(`Preview: ${base}/   (widget files: ${base}/dist/forum-widget.js${args.includes('--no-cors') ? '' : ', with CORS for pages on other origins'}; Ctrl+C stops)`);
}
