import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
const url = process.argv[2]; const out = process.argv[3]; const width = Number(process.argv[4] ?? 1400);
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/pw-'), { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'], viewport: { width, height: 1000 } });
const page = await ctx.newPage();
page.on('console', m => console.log('console', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(url);
await page.waitForSelector('soc2-readiness >> .results .value', { timeout: 10000 }).catch(e => console.log('wait failed', e.message));
if (process.argv[5]) await eval(process.argv[5]);
await page.screenshot({ path: out, fullPage: process.argv[6] === 'full' });
await ctx.close();
