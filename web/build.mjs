// Bundles the two pages into dist/: index.html + console.js, instructor.html + instructor.js,
// their CSS (OpenLayers' and ours), and the world-atlas countries the map draws offline.
// Deterministic: no hashes, no timestamps, no source maps with absolute paths.

import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const require = createRequire(import.meta.url);

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  absWorkingDir: here,
  entryPoints: { console: 'src/main.js', instructor: 'src/instructor.js' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  outdir: dist,
  logLevel: 'warning',
});
await Promise.all([
  copyFile(join(here, 'index.html'), join(dist, 'index.html')),
  copyFile(join(here, 'instructor.html'), join(dist, 'instructor.html')),
  copyFile(require.resolve('world-atlas/countries-50m.json'), join(dist, 'countries-50m.json')),
]);
console.log(`built ${dist}`);
