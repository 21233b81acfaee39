#!/usr/bin/env node
/**
 * Builds the dashboard: web/src/main.ts bundled by esbuild (with d3-force and
 * uPlot from node_modules, nothing from a CDN) into dist/web/app.js, beside
 * index.html and the styles. `npm run build` runs it; the browser tests call
 * buildWeb() into a temporary folder.
 *
 *   node web/build.mjs [OUT_DIR]
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The licence texts of the npm packages bundled into the dashboard. */
function licensesOf(inputs) {
  const names = new Set();
  for (const f of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m) names.add(m[1]);
  }
  const parts = [];
  for (const name of [...names].sort()) {
    const dir = resolve(here, '..', 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\..*)?$/i.test(f)) : undefined;
    parts.push(`${name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file in the package)'}\n`);
  }
  return `The dyad dashboard bundles these packages:\n\n${parts.join('\n' + '-'.repeat(72) + '\n\n')}`;
}

/** Builds the dashboard into `outDir` (default dist/web) and returns that folder. */
export async function buildWeb(outDir = resolve(here, '..', 'dist', 'web'), { minify = true } = {}) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: ['es2020'],
    platform: 'browser',
    minify,
    sourcemap: true,
    outfile: join(outDir, 'app.js'),
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'THIRD-PARTY-LICENSES.txt'), licensesOf(Object.keys(result.metafile.inputs)));
  // uPlot's own styles, then the dashboard's
  const uplotCss = readFileSync(resolve(here, '..', 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8');
  writeFileSync(join(outDir, 'app.css'), uplotCss + '\n' + readFileSync(join(here, 'style.css'), 'utf8'));
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildWeb(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`dashboard built into ${out}\n`);
}
