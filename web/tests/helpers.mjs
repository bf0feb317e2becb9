// Shared by the browser tests: Debian's Chromium through playwright-core, every request not to
// 127.0.0.1 blocked and recorded, console errors collected, screenshots to RAMPART_ARTIFACTS.

import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(process.env.RAMPART_ARTIFACTS ?? join(here, '..', 'test-artifacts'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Frames paced by the compositor, not the (absent) display's vsync; no GPU on these machines.
    args: (process.env.CHROMIUM_ARGS ?? '--no-sandbox --disable-gpu-vsync').split(' '),
  });
}

/**
 * A page at 1600x900 whose requests go only to 127.0.0.1: others are aborted and listed in
 * `outside`; console errors and page errors are listed in `errors`.
 */
export async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(target.protocol) && target.hostname !== '127.0.0.1') {
      outside.push(target.href);
      return route.abort();
    }
    return route.continue();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).hostname !== '127.0.0.1') outside.push(ws.url());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.rampartConsole?.mode() !== null && window.rampartConsole?.mode() !== undefined);
  return { page, context, outside, errors };
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Polls `probe()` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export async function waitFor(probe, timeoutMs, what) {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
