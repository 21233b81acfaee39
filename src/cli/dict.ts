/**
 * `dyad dict check DIR|FILE`: lints dictionaries and lists every problem as
 * `file:line: severity: message` (src/ontology/peer/lint.ts does the work).
 * Reads dyad's own format, PETRARCH dictionaries and validation XML, and
 * TABARI .actors, .verbs, .agents, .options and .project files.
 */
import type { Command } from 'commander';
import { checkDictionaries, type CheckResult } from '../ontology/peer/lint.js';

export function formatCheck(r: CheckResult, opts: { quiet?: boolean } = {}): string {
  const out: string[] = [];
  for (const f of r.files) out.push(`read ${f.file} (${f.kind}): ${f.summary}`);
  const sorted = [...r.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  for (const p of sorted) {
    if (opts.quiet && p.severity === 'warning') continue;
    out.push(`${p.file}${p.line ? ':' + p.line : ''}: ${p.severity}: ${p.message}`);
  }
  const errors = r.problems.filter((p) => p.severity === 'error').length;
  out.push(`${r.files.length} file(s) checked: ${errors} error(s), ${r.problems.length - errors} warning(s)`);
  return out.join('\n') + '\n';
}

export function addDictCommand(program: Command): void {
  const dict = program.command('dict').description('work with dictionaries');
  dict
    .command('check')
    .description("lint a dictionary: dyad's own format, PETRARCH (verbs, actors, agents, discards, issues) or TABARI (.actors, .verbs, .agents, .options, .project)")
    .argument('<path>', 'an ontology folder, a folder of peer dictionaries, or one file')
    .option('--json', 'print {"files": [...], "problems": [...]} as JSON')
    .option('-q, --quiet', 'list errors only, not warnings')
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 the path could not be read.')
    .action((path: string, o: { json?: boolean; quiet?: boolean }) => {
      const r = checkDictionaries(path);
      process.stdout.write(o.json ? JSON.stringify(r, null, 2) + '\n' : formatCheck(r, o));
      process.exitCode = r.problems.some((p) => p.severity === 'error') ? 1 : 0;
    });
}
