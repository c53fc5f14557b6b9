// The npm package as a consumer meets it: `npm pack` of www/pkg, installed from the tarball into a
// fresh Vite app in a temporary folder (offline: the package has no dependencies; Vite is this
// checkout's dev dependency), imported as README "Embedding" says, built by Vite, and the built app
// run in headless Chromium under a strict CSP: it renders, an answer updates the results, an
// export works, and nothing leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { begin, newContext, startServer } from '../e2e/helpers.mjs';

const PKG = resolve('www/pkg');

test('npm pack: the tarball holds the element, the Wasm, the catalog, the glue, the types, the schema, README and licences', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8' }));
  const files = packed.files.map((f) => f.path).sort();
  for (const f of ['soc2-readiness.js', 'soc2-readiness.min.js', 'soc2-readiness.d.ts', 'soc2_readiness_bg.wasm', 'soc2_readiness_exports_bg.wasm',
    'soc2_readiness.js', 'soc2_readiness.d.ts', 'soc2_readiness_types.d.ts', 'soc2_readiness_exports.js', 'catalog.json', 'catalog-help.json',
    'schema/assessment.schema.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the tarball: ${files.join(', ')}`);
  }
  // every chunk the bundles import is there, and nothing else is
  for (const bundle of ['soc2-readiness.js', 'soc2-readiness.min.js']) {
    for (const [, chunk] of readFileSync(join(PKG, bundle), 'utf8').matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)) assert.ok(files.includes(chunk), `${bundle} imports ${chunk}`);
  }
  assert.ok(files.every((f) => !f.startsWith('.') && !f.endsWith('.map')), files.join(', '));
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'soc2-readiness');
  assert.equal(manifest.types, './soc2-readiness.d.ts');
  assert.deepEqual(manifest.exports['.'], { types: './soc2-readiness.d.ts', default: './soc2-readiness.js' });
  assert.ok(manifest.sideEffects.includes('./soc2-readiness.js'));
  assert.ok(!JSON.stringify(manifest).includes('example.invalid'));
  for (const target of Object.values(manifest.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))) {
    // A subpath pattern (`./catalog.*.json`, one language's file each) must match packed files.
    const path = target.replace(/^\.\//, '');
    const pattern = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
    assert.ok(path.includes('*') ? files.some((f) => pattern.test(f)) : files.includes(path), `export target ${target} is packed`);
  }
});

test('a Vite app installs the tarball, builds, and runs under a strict CSP with nothing leaving the origin', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-vite-'));
  let server;
  let ctx;
  try {
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: PKG, stdio: 'ignore' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    const app = join(dir, 'app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', join(dir, tarball)], { cwd: app, stdio: 'ignore' });
    assert.ok(existsSync(join(app, 'node_modules/soc2-readiness/soc2_readiness_bg.wasm')));
    // As README "Embedding" (npm) says: import the package, use the element, read its events.
    writeFileSync(join(app, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title>
<link rel="icon" href="/favicon.svg"><script type="module" src="/src/main.js"></script></head>
<body><p id="score">no score yet</p><soc2-readiness storage-key="vite" features="export"></soc2-readiness></body></html>`);
    mkdirSync(join(app, 'public'));
    writeFileSync(join(app, 'public/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    writeFileSync(join(app, 'src/main.js'), `import 'soc2-readiness';
const el = document.querySelector('soc2-readiness');
const show = (e) => { document.getElementById('score').textContent = 'Type I ' + e.detail.readiness.type1; };
el.addEventListener('soc2-readiness-ready', show);
el.addEventListener('soc2-readiness-change', show);
`);
    await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: join(app, 'dist') } });
    const built = readdirSync(join(app, 'dist/assets'));
    assert.ok(built.some((f) => f.endsWith('.wasm')), `Vite emitted the Wasm: ${built.join(', ')}`);
    assert.ok(built.some((f) => /^catalog-.*\.json$/.test(f)), `Vite emitted the catalog: ${built.join(', ')}`);

    server = await startServer(join(app, 'dist')); // sends the strict CSP with 'wasm-unsafe-eval'
    ctx = await newContext();
    const page = ctx.context.pages()[0] ?? await ctx.context.newPage();
    const requests = [];
    const problems = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (res) => { if (res.status() >= 400) problems.push(`${res.status()} ${res.url()}`); });
    await ctx.context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(server.url);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    const el = page.locator('soc2-readiness');
    await page.locator('#score', { hasText: 'Type I 0' }).waitFor();
    await begin(el); // a first visit: the start screen's choice
    await el.locator('nav.steps details').evaluate((d) => { d.open = true; });
    await el.locator('nav.steps button', { hasText: 'Access management' }).first().click();
    await el.locator('main fieldset.control[data-control="access.mfa-admin"] input[value="implemented"]').check();
    await page.waitForFunction(() => !/Type I 0$/.test(document.getElementById('score').textContent));
    const r = await page.evaluate(() => document.querySelector('soc2-readiness').results);
    assert.equal(r.answers['access.mfa-admin'].status, 'implemented');
    assert.equal(await page.locator('#score').textContent(), `Type I ${r.readiness.overall.design}`);
    // the lazily loaded export module, its Wasm and the help load from the built app too
    await el.locator('details.menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), el.locator('button[data-format="markdown"]').click()]);
    assert.match(download.suggestedFilename(), /\.md$/);

    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin);
    assert.deepEqual(elsewhere, [], 'nothing leaves the origin');
    assert.ok(requests.some((u) => u.endsWith('.wasm')));
  } finally {
    await ctx?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
