// The page against the fake server with 2,000 tracks reported once a second: every track is in
// the picture, and the map keeps rendering at 30 frames per second or more (postrender events
// counted by the page, sampled once a second for about 5 s; the median is printed).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startFakeServer } from './fixtures/fake-server.mjs';
import { launchBrowser, median, openPage, screenshot, waitFor } from './helpers.mjs';

const TRACKS = 2000;
let server;
let browser;

before(async () => {
  server = await startFakeServer({ tracks: TRACKS, updateHz: 1 });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test(`${TRACKS} tracks render at 30 fps or more`, async () => {
  const { page, outside, errors } = await openPage(browser, server.url);
  await waitFor(() => page.evaluate(() => window.rampartConsole.trackCount()), 10000, 'tracks');
  assert.equal(await page.evaluate(() => window.rampartConsole.trackCount()), TRACKS);
  await page.waitForFunction((n) => document.querySelector('[data-testid="track-count"]').textContent === String(n), TRACKS);
  await page.waitForTimeout(1500); // settle: symbol caches filled, first deltas applied
  const samples = [];
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(1000);
    samples.push((await page.evaluate(() => window.rampartConsole.frameStats())).fps);
  }
  const fps = median(samples);
  console.log(`map frames per second with ${TRACKS} tracks: median ${fps} (samples ${samples.join(', ')})`);
  await screenshot(page, 'render-2000-tracks');
  assert.ok(fps >= 30, `median ${fps} fps < 30`);
  assert.equal(await page.evaluate(() => window.rampartConsole.trackCount()), TRACKS);
  assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(errors, [], 'no console errors');
});
