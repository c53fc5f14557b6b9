// Serves a folder on 127.0.0.1 with correct MIME types (application/wasm for .wasm) and the
// page's Content Security Policy. Used by `make serve` and by the browser tests.
//   node scripts/serve.mjs [--port N] [--root DIR]
// When the port is taken it says so and uses the next free one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

/** Starts a static server; resolves to { server, port, url }. */
export function serve({ root, port = 8000, host = '127.0.0.1', tries = 20, log = () => {} }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${req.method} ${path} 200`);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      log(`${req.method} ${path} 404`);
    }
  });
  return new Promise((ok, fail) => {
    let attempt = 0;
    const listen = (p) => {
      server.once('error', (err) => {
        if (err.code === 'EADDRINUSE' && attempt++ < tries) {
          console.error(`port ${p} is in use; trying ${p + 1}`);
          listen(p + 1);
        } else fail(err);
      });
      server.listen(p, host, () => {
        const actual = server.address().port;
        ok({ server, port: actual, url: `http://${host}:${actual}/` });
      });
    };
    listen(port);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = opt('--root', 'www');
  const port = Number(opt('--port', process.env.PORT ?? 8000));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: --port must be a number from 0 to 65535, not "${opt('--port', process.env.PORT)}"`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'pkg', 'soc2_readiness_bg.wasm'))) {
    console.error(`error: ${root}/pkg is missing or incomplete: run 'make build' first`);
    process.exit(1);
  }
  serve({ root, port }).then(({ url }) => {
    console.log(`Serving ${root}/ at ${url}  (single-file build: dist/soc2-readiness.html; Ctrl-C stops)`);
  }, (err) => {
    console.error(`error: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
}
