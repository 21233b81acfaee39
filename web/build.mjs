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
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the dashboard into `outDir` (default dist/web) and returns that folder. */
export async function buildWeb(outDir = resolve(here, '..', 'dist', 'web'), { minify = true } = {}) {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    target: ['es2020'],
    platform: 'browser',
    minify,
    sourcemap: true,
    outfile: join(outDir, 'app.js'),
    legalComments: 'linked',
    logLevel: 'warning',
  });
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
