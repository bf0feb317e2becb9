// The cost of browser clients to a live `rampart serve`: the default scenario run with no client
// and with N WebSocket clients on loopback (each reads and JSON-parses every message, as the page
// does), three times each; prints the medians of the run's wall time and simulated speed, and
// the ratio to no client.
//   node bench/console_clients.mjs [BUILD_DIR=build] [CLIENTS=50] [MODE=unpaced|paced]
// unpaced: the kernel runs as fast as it can (--unpaced) with 30 picture updates a second, so the
// ratio is the server's whole cost; paced: at 100x, the most the console offers, where the ratio
// says whether the run still keeps its speed.
// No client is connected during the "none" runs: a control client resumes the paused exercise
// and leaves before the first step.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'web', 'package.json'));
const WebSocket = require('ws');

const build = process.argv[2] ?? 'build';
const clients = Number(process.argv[3] ?? 50);
const mode = process.argv[4] ?? 'unpaced';
const rampart = resolve(root, build, 'apps', 'rampart', 'rampart');
const repetitions = 3;

function open(port, role = 'analyst') {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?role=${role}`);
    ws.stats = { messages: 0, bytes: 0 };
    ws.on('message', (data) => {
      ws.stats.messages += 1;
      ws.stats.bytes += data.length;
      JSON.parse(data.toString());
    });
    ws.once('open', () => ok(ws));
    ws.once('error', fail);
  });
}

async function once(n) {
  const args = ['serve', '--port', '0', '--paused', '--exit-at-end', '--update-hz', '30'];
  if (mode === 'unpaced') args.push('--unpaced');
  else args.push('--speed', '100');
  const server = spawn(rampart, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const port = await new Promise((ok, fail) => {
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) ok(Number(m[1]));
    });
    server.once('exit', (code) => fail(new Error(`rampart serve exited with ${code}`)));
  });
  const readers = await Promise.all(Array.from({ length: n }, () => open(port)));
  const control = await open(port);
  control.send(JSON.stringify({ type: 'control', action: 'resume' }));
  await new Promise((ok) => setTimeout(ok, 50));
  control.close();
  await new Promise((ok) => server.once('exit', ok));
  readers.forEach((ws) => ws.close());
  const m = out.match(/Simulated ([\d.]+) s in ([\d.]+) s of wall time/);
  if (!m) throw new Error(`no summary in:\n${out}`);
  const messages = readers.reduce((s, ws) => s + ws.stats.messages, 0);
  const bytes = readers.reduce((s, ws) => s + ws.stats.bytes, 0);
  return { wall_s: Number(m[2]), speed: Number(m[1]) / Number(m[2]), messages, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const n of [0, clients]) {
  const runs = [];
  for (let i = 0; i < repetitions; ++i) runs.push(await once(n));
  results[n] = runs;
  const per = n ? `, ${(median(runs.map((r) => r.messages)) / n).toFixed(0)} messages and ` +
    `${(median(runs.map((r) => r.bytes)) / n / 1024).toFixed(0)} KiB per client` : '';
  console.log(`${String(n).padStart(3)} clients (${mode}): wall ${runs.map((r) => r.wall_s.toFixed(2)).join(' ')} s, ` +
    `median ${median(runs.map((r) => r.wall_s)).toFixed(2)} s, simulated speed ` +
    `${median(runs.map((r) => r.speed)).toFixed(0)}x real time${per}`);
}
const ratio = median(results[clients].map((r) => r.speed)) / median(results[0].map((r) => r.speed));
console.log(`speed with ${clients} clients / with none: ${ratio.toFixed(3)} (${((1 - ratio) * 100).toFixed(1)}% slower)`);
