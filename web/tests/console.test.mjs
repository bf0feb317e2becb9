// The page against the real `rampart serve`, run only when RAMPART_BIN names the binary:
//   RAMPART_BIN=build/apps/rampart/rampart node --test tests/console.test.mjs
// Optional: RAMPART_SCENARIO (default ../scenarios/default.yaml), RAMPART_SERVE_ARGS (extra
// arguments for every `serve`, e.g. where the built page is). The server must print
// `rampart serve: listening on http://127.0.0.1:PORT/` when ready.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { destination, distanceM } from '../src/geo.js';
import { launchBrowser, openPage, screenshot, waitFor } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIN = process.env.RAMPART_BIN;
const SCENARIO = resolve(process.env.RAMPART_SCENARIO ?? join(here, '..', '..', 'scenarios', 'default.yaml'));
const EXTRA_ARGS = (process.env.RAMPART_SERVE_ARGS ?? '').split(/\s+/).filter(Boolean);
const skip = BIN ? false : 'RAMPART_BIN is not set: set it to the rampart binary to test the page against the real server';
if (!BIN) console.log(`console.test.mjs skipped: ${skip}`);
const LISTENING = /rampart serve: listening on (http:\/\/127\.0\.0\.1:\d+\/)/;

/** Starts `rampart serve ARGS --port 0`; resolves with {url, stop()} once it listens. */
async function serve(args) {
  const child = spawn(BIN, ['serve', ...args, '--port', '0', ...EXTRA_ARGS], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`rampart serve did not say it listens within 30 s:\n${output}`)), 30000);
    const read = (chunk) => {
      output += chunk;
      const m = LISTENING.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`rampart serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    stop: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', ok);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }),
  };
}

const hook = (page, expression, arg) => page.evaluate(expression, arg);
const simTime = (page) => hook(page, () => window.rampartConsole.simTime());
const setSpeed = (page, speed) => page.selectOption('[data-testid="control-speed"]', String(speed));

function assertClean({ outside, errors }) {
  assert.deepEqual(outside, [], 'no request leaves 127.0.0.1');
  assert.deepEqual(errors, [], 'no console errors');
}

describe('live console (analyst)', { skip }, () => {
  let server;
  let browser;
  let view;
  before(async () => {
    server = await serve([SCENARIO]);
    browser = await launchBrowser();
    view = await openPage(browser, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the page loads with no console error and no outside request', async () => {
    const { page } = view;
    assert.equal(await hook(page, () => window.rampartConsole.mode()), 'live');
    await page.waitForSelector('[data-testid="map"] canvas');
    await page.waitForFunction(() => document.querySelector('[data-testid="connection"]').dataset.state === 'open');
    await screenshot(page, 'console-live-loaded');
    assertClean(view);
  });

  test('track symbols appear and move', async () => {
    const { page } = view;
    await setSpeed(page, 10);
    await waitFor(() => hook(page, () => window.rampartConsole.trackCount() > 0), 90000, 'a track');
    const moved = await waitFor(async () => {
      const ids = await hook(page, () => window.rampartConsole.trackIds());
      const first = await hook(page, (list) => list.map((id) => [id, window.rampartConsole.trackPosition(id)]), ids);
      await page.waitForTimeout(2000);
      for (const [id, p] of first) {
        const q = await hook(page, (i) => window.rampartConsole.trackPosition(i), id);
        if (q && distanceM(p, q) > 100) return { id, metres: distanceM(p, q) };
      }
      return null;
    }, 30000, 'a track to move');
    assert.ok(moved.metres > 100);
    await screenshot(page, 'console-live-tracks');
    assert.ok(Number(await page.textContent('[data-testid="track-count"]')) > 0, 'the track table lists tracks');
    assertClean(view);
  });

  test('pause stops the simulation time and resume restarts it', async () => {
    const { page } = view;
    await page.click('[data-testid="control-pause"]');
    await waitFor(() => hook(page, () => window.rampartConsole.paused()), 5000, 'paused');
    const t1 = await simTime(page);
    await page.waitForTimeout(1500);
    const t2 = await simTime(page);
    assert.ok(Math.abs(t2 - t1) < 1e-6, `paused, yet time went ${t1} -> ${t2}`);
    assert.equal(await page.textContent('[data-testid="clock-state"]'), 'PAUSED');
    await screenshot(page, 'console-live-paused');
    await page.click('[data-testid="control-resume"]');
    await waitFor(() => hook(page, () => !window.rampartConsole.paused()), 5000, 'running');
    await page.waitForTimeout(1500);
    const t3 = await simTime(page);
    assert.ok(t3 > t2 + 1, `resumed, yet time went ${t2} -> ${t3}`);
    assertClean(view);
  });
});

describe('training: trainee and instructor', { skip }, () => {
  let server;
  let browser;
  let trainee;
  let instructor;
  before(async () => {
    server = await serve([SCENARIO, '--training']);
    browser = await launchBrowser();
    trainee = await openPage(browser, `${server.url}?role=trainee`);
    instructor = await openPage(browser, `${server.url}instructor.html`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the trainee has no clock controls and no truth', async () => {
    const { page } = trainee;
    assert.equal(await hook(page, () => window.rampartConsole.training()), true);
    assert.equal(await page.isVisible('[data-testid="time-controls"]'), false);
    assert.equal(await page.isVisible('[data-testid="truth-toggle"]'), false);
    assert.equal(await page.isVisible('[data-testid="proposals"]'), true);
    assertClean(trainee);
  });

  test('a proposal appears, the trainee approves it, and an interceptor is launched', async () => {
    await setSpeed(instructor.page, 20);
    const proposal = await waitFor(async () => {
      const list = await hook(trainee.page, () => window.rampartConsole.proposals());
      const t = await simTime(trainee.page);
      return list.find((p) => p.deadline_t_s - t > 2);
    }, 120000, 'an engagement proposal');
    await setSpeed(instructor.page, 1); // give the trainee the approval time in wall seconds
    const card = trainee.page.locator(`[data-testid="proposal"][data-proposal-id="${proposal.id}"]`);
    await card.waitFor();
    await screenshot(trainee.page, 'console-training-proposal');
    await card.locator('[data-testid="proposal-approve"]').click();
    await setSpeed(instructor.page, 5);
    await waitFor(async () => {
      const launched = await hook(trainee.page, () => window.rampartConsole.events().some((e) => e.kind === 'launch'));
      const flying = await hook(trainee.page, () => window.rampartConsole.interceptorCount() > 0);
      return launched || flying;
    }, 60000, 'a launch after the approval');
    await screenshot(trainee.page, 'console-training-launch');
    assertClean(trainee);
  });

  test("the instructor's new raid appears on the trainee's map", async () => {
    const { page } = instructor;
    await setSpeed(page, 20);
    const before = new Set(await hook(trainee.page, () => window.rampartConsole.trackIds()));
    const layout = await hook(page, () => window.rampartConsole.layout());
    const target = layout.assets[0];
    const raid = { bearing: 135, range: 100000, speed: 250 };
    await page.selectOption('[data-testid="new-raid-kind"]', 'strike_aircraft');
    await page.fill('[data-testid="new-raid-count"]', '4');
    await page.selectOption('[data-testid="new-raid-target"]', target.name);
    await page.fill('[data-testid="new-raid-bearing"]', String(raid.bearing));
    await page.fill('[data-testid="new-raid-range"]', String(raid.range));
    await page.fill('[data-testid="new-raid-altitude"]', '5000');
    await page.fill('[data-testid="new-raid-speed"]', String(raid.speed));
    const t0 = await simTime(page);
    await page.click('[data-testid="new-raid-button"]');
    const found = await waitFor(async () => {
      const t = await simTime(trainee.page);
      const flown = Math.min(raid.range, raid.speed * Math.max(0, t - t0));
      const [lat, lon] = destination(target.lat, target.lon, raid.bearing, raid.range - flown);
      const tracks = await hook(trainee.page, () => window.rampartConsole.tracks());
      return tracks.find((tr) => !before.has(tr.id) && distanceM(tr, { lat, lon }) < 20000);
    }, 90000, 'a new track where the injected raid flies');
    assert.ok(found.id);
    await waitFor(() => hook(page, () => window.rampartConsole.events().some((e) => e.kind === 'script')), 20000, 'the script event on the instructor\'s log');
    assert.equal(await hook(trainee.page, () => window.rampartConsole.events().some((e) => e.kind === 'script')), false, 'script events are the instructor\'s only');
    await screenshot(trainee.page, 'console-injection-trainee');
    await screenshot(page, 'console-injection-instructor');
    assertClean(trainee);
    assertClean(instructor);
  });
});

describe('replay', { skip }, () => {
  let server;
  let browser;
  let view;
  let runDir;
  before(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'rampart-replay-'));
    await promisify(execFile)(BIN, ['run', SCENARIO, '--out', runDir], { timeout: 600000 });
    server = await serve(['--replay', runDir]);
    browser = await launchBrowser();
    view = await openPage(browser, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  test('seeking to t=600 shows that time and its tracks', async () => {
    const { page } = view;
    assert.equal(await hook(page, () => window.rampartConsole.mode()), 'replay');
    await page.click('[data-testid="control-pause"]');
    await page.locator('[data-testid="seek-slider"]').fill('600');
    await waitFor(async () => Math.abs((await simTime(page)) - 600) < 5, 15000, 'the clock at 600 s');
    await waitFor(() => hook(page, () => window.rampartConsole.trackCount() > 0), 15000, 'tracks at 600 s');
    await page.waitForTimeout(500);
    const shown = Number(await page.getAttribute('[data-testid="sim-time"]', 'data-seconds'));
    assert.ok(Math.abs(shown - 600) < 5, `the clock shows ${shown}`);
    await screenshot(page, 'console-replay-seek-600');
    assertClean(view);
  });

  test('clicking the timeline seeks', async () => {
    const { page } = view;
    const box = await page.locator('[data-testid="timeline"]').boundingBox();
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height / 2);
    const end = await hook(page, () => window.rampartConsole.layout() && document.querySelector('[data-testid="seek-slider"]').max);
    await waitFor(async () => Math.abs((await simTime(page)) - Number(end) * 0.25) < 10, 15000, 'the clock at a quarter of the run');
    assertClean(view);
  });
});
