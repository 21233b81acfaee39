/**
 * Running the real `dyad` command line as a child process in tests, from the
 * current sources: esbuild bundles src/cli/index.ts (dependencies left
 * external) into node_modules/.cache/dyad-test/, inside the package, so the
 * CLI finds its ontology and packages as it does when installed. Building
 * takes well under a second and never touches dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from './shared.js';

let built: Promise<string> | undefined;

/** The path of a bundled CLI made from the current sources (once per test file). */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    const dir = join(REPO, 'node_modules', '.cache', 'dyad-test');
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `cli-${process.pid}-${Date.now().toString(36)}.mjs`);
    await build({
      stdin: { contents: `import { main } from './src/cli/index.ts';\nawait main(process.argv);\n`, resolveDir: REPO, sourcefile: 'dyad-test-cli.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    process.once('exit', () => rmSync(outfile, { force: true }));
    return outfile;
  })();
  return built;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `dyad ARGS…`; `done` resolves when it exits. */
export async function startDyad(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<{ child: ChildProcess; done: Promise<Run> }> {
  const cli = await cliBundle();
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => out.push(c));
  child.stderr!.on('data', (c: Buffer) => err.push(c));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
  child.stdin!.end(opts.input ?? '');
  return { child, done };
}

/** Runs `dyad ARGS…` to the end. */
export async function runDyad(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  return (await startDyad(args, opts)).done;
}
