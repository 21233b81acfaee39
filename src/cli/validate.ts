/**
 * `dyad validate FILE`: runs a peer validation suite (a PETRARCH validation
 * XML, or a TABARI `.text` file, `.project` or folder) with the dictionaries
 * it names, coding every record from its text, and prints per-record results
 * and the totals (src/ontology/peer/run-validation.ts does the work).
 *
 *   dyad validate ../shared/data/petrarch-unit/PETR.UnitTest.records.xml
 *   dyad validate ../shared/data/tabari-validate/ --json
 */
import type { Command } from 'commander';
import { runSuite, type RecordResult, type SuiteResult, type Triple } from '../ontology/peer/run-validation.js';

export interface ValidateOptions {
  json?: boolean;
  /** show the trace of passing records too */
  verbose?: boolean;
  /** print only failing records */
  failed?: boolean;
  /** TABARI: read on past the FINAL record */
  all?: boolean;
}

const triples = (ts: readonly Triple[]) => (ts.length ? ts.map((t) => `${t.source}/${t.target}/${t.code}`).join('  ') : '(none)');

function formatRecord(r: RecordResult, verbose: boolean): string {
  const lines: string[] = [];
  lines.push(`${r.pass ? 'pass' : 'FAIL'} ${r.id} (line ${r.line}${r.disabled ? ', marked sentence="false" by the suite' : ''}): ${r.text}`);
  if (r.codedText) lines.push(`  coded as: ${r.codedText}`);
  lines.push(`  expected: ${r.expected.length ? triples(r.expected) : `no events (${r.expectedNone})`}`);
  lines.push(`  got:      ${triples(r.got)}`);
  if (!r.pass) {
    if (r.missing.length) lines.push(`  missing:  ${triples(r.missing)}`);
    if (r.extra.length) lines.push(`  extra:    ${triples(r.extra)}`);
  }
  if (!r.pass || verbose) {
    // why: the event coder's trace (patterns that fired or found no source), the events and messages
    // a pattern that matched is traced twice (when tried, and when it codes with its full trigger span): once here
    const steps = r.trace.filter((s) => s.result !== 'no match');
    steps.forEach((s, i) => {
      const again = steps.slice(i + 1).some((o) => o.result === s.result && o.pattern === s.pattern && o.trigger.start === s.trigger.start);
      if (!again) lines.push(`  why:      ${s.result.padEnd(12)} "${s.trigger.text}" ${s.entry} | ${s.pattern} → ${s.code}`);
    });
    for (const e of r.events) {
      lines.push(`  event:    ${e.source?.text ?? '?'} (${e.source?.code ?? '---'}) → ${e.target?.text ?? '-'} (${e.target?.code ?? '---'}) ${e.cameo} by ${e.rule.file}:${e.rule.line} ${e.rule.pattern ?? ''}`);
    }
    for (const m of r.messages) lines.push(`  note:     ${m}`);
  }
  return lines.join('\n');
}

export function formatSuite(res: SuiteResult, opts: ValidateOptions = {}): string {
  const out: string[] = [];
  out.push(`${res.dialect === 'petrarch' ? 'PETRARCH' : 'TABARI'} validation: ${res.file}`);
  for (const r of res.results) {
    if (opts.failed && r.pass) continue;
    out.push(formatRecord(r, opts.verbose ?? false));
  }
  const pct = res.records ? ((100 * res.passed) / res.records).toFixed(1) : '0.0';
  out.push('');
  out.push(`${res.passed}/${res.records} records coded exactly as expected (${pct}%); ${res.failed.length} failed`);
  if (res.unapplied.length) {
    out.push(`settings the suite changes that dyad does not apply: ${res.unapplied.map((u) => `${u.setting} (line ${u.line})`).join('; ')}`);
  }
  const errors = res.problems.filter((p) => p.severity === 'error');
  if (errors.length || res.problems.length) out.push(`dictionary and suite problems: ${errors.length} errors, ${res.problems.length - errors.length} warnings (dyad dict check lists them)`);
  return out.join('\n') + '\n';
}

export function addValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('run a PETRARCH validation XML or a TABARI .text suite with the dictionaries it names; print per-record results and the totals')
    .argument('<file>', 'a PETRARCH validation .xml, a TABARI .text or .project file, or a folder holding one')
    .option('--json', 'print {"records": M, "passed": N, "failed": [ids]} only')
    .option('-v, --verbose', 'show why for passing records too (the coder trace)')
    .option('--failed', 'print failing records only')
    .option('--all', 'TABARI: also run the records after the FINAL record (the suite marks them as needing other settings)')
    .addHelpText(
      'after',
      [
        '',
        'Every record is coded from its text (PETRARCH\'s <Parse> trees are ignored) through dyad\'s own pipeline,',
        'with the suite\'s dictionaries read by dyad\'s PETRARCH and TABARI readers and the suite\'s settings',
        '(<Config>, OPTION: records) applied as they come. A record passes when the set of (source, target, code)',
        'dyad codes equals the set it expects; dates are not compared (docs/peer-formats.md says why).',
        '',
        'Exit status: 0 the suite ran (whatever its pass rate), 2 the suite or a dictionary could not be read.',
      ].join('\n'),
    )
    .action((file: string, o: ValidateOptions) => {
      const res = runSuite(file, o.all ? { all: true } : {});
      if (o.json) process.stdout.write(JSON.stringify({ records: res.records, passed: res.passed, failed: res.failed }) + '\n');
      else process.stdout.write(formatSuite(res, o));
    });
}
