/**
 * The event formats (tsv, plover, gdelt) against the jsonl output of the same
 * articles coded by the real engine: every event appears with the values the
 * public schema gives it, in the columns each format documents.
 */
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/support/engine.js';
import { parseActorCode } from './actor-code.js';
import { createFormatter, formatContextOf, type FormatContext } from './formats.js';
import { dateParts, tsvField, unescapeTsvField } from './event-fields.js';
import { GDELT_COLUMNS } from './gdelt.js';
import { ploverEntityCode, type PloverRecord } from './plover.js';
import { tsvColumns } from './tsv.js';
import type { CodedDocument } from './schema.js';
import { PLOVER_TYPES } from '../ontology/load-codes.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasShared, sharedPath } from '../../test/support/shared.js';

const ARTICLE = [
  'Russia demands written guarantees from the U.S.',
  '',
  'Russia demanded written guarantees from the U.S. on Wednesday.',
  '',
  'Chinese officials met American diplomats in Beijing on Tuesday.',
  '',
  'The United States did not attack Russia.',
].join('\n');

let cache: { docs: CodedDocument[]; ctx: FormatContext } | undefined;
function coded() {
  if (cache) return cache;
  const engine = testEngine();
  const docs = [
    engine.code({ text: ARTICLE, date: '2022-01-27', url: 'https://example.org/news/1', source: 'Example\tWire' }),
    engine.code({ text: 'NATO and Russia held talks.\n\nRussia accused NATO of provocations on Monday.', date: '2022-01-20' }),
  ];
  return (cache = { docs, ctx: formatContextOf(engine) });
}

function run(format: 'tsv' | 'plover' | 'gdelt', docs: CodedDocument[], ctx: FormatContext): string[] {
  const f = createFormatter(format, ctx);
  const out = (f.header?.() ?? '') + docs.map((d) => f.article(d)).join('');
  return out.split('\n').filter((l) => l !== '');
}

describe('actor codes', () => {
  it('splits a country code and its agents', () => {
    expect(parseActorCode('CHNGOV')).toMatchObject({ entity: 'CHN', country: 'CHN', role: 'GOV', attribute: '', types: ['GOV'] });
    expect(parseActorCode('USAGOVMIL')).toMatchObject({ entity: 'USA', role: 'GOV', attribute: 'MIL', types: ['GOV', 'MIL'] });
    expect(parseActorCode('RUS')).toMatchObject({ entity: 'RUS', country: 'RUS', role: '', attribute: '', types: [] });
  });

  it('reads international codes as CAMEO writes them', () => {
    expect(parseActorCode('IGOWSTNAT')).toMatchObject({ entity: 'IGO', country: 'WST', role: '', attribute: 'WSTNAT', knownGroup: 'NAT', types: ['IGO'] });
    expect(parseActorCode('IGOUNOREFHCR')).toMatchObject({ entity: 'IGO', country: '', role: 'REF', attribute: 'UNOHCR', knownGroup: 'UNO', types: ['IGO', 'REF'] });
    expect(parseActorCode('NGOHRIAMN')).toMatchObject({ entity: 'NGO', role: 'HRI', knownGroup: 'AMN' });
    expect(parseActorCode('NGOUSA', new Set(['USA'])).country).toBe('USA');
    expect(parseActorCode('NGOUSA').country).toBe('');
    expect(parseActorCode('MOSSHI')).toMatchObject({ entity: 'MOS', country: '', religions: ['MOS', 'SHI'] });
    expect(parseActorCode(null)).toMatchObject({ full: '', entity: '', role: '' });
  });

  it("maps international actors to PLOVER's non-state codes", () => {
    expect(ploverEntityCode('IGOUNO')).toBe('UNO');
    expect(ploverEntityCode('IGOEUREEC')).toBe('EUR');
    expect(ploverEntityCode('IGOWSTNAT')).toBe('IGO');
    expect(ploverEntityCode('NGMENV')).toBe('ISM');
    expect(ploverEntityCode('CHNGOV')).toBe('CHN');
  });
});

describe('field helpers', () => {
  it('escapes tabs, newlines and backslashes so a record stays one line', () => {
    const raw = 'a\tb\nc\\d\re';
    const f = tsvField(raw);
    expect(f).not.toMatch(/[\t\n\r]/);
    expect(unescapeTsvField(f)).toBe(raw);
  });

  it('splits dates as Phoenix and GDELT write them', () => {
    expect(dateParts('2022-01-26')).toEqual({ compact: '20220126', year: '2022', month: '1', day: '26', monthYear: '202201', fraction: '2022.0685' });
    expect(dateParts('2024-12-31').fraction).toBe('2024.9973');
    expect(dateParts(null).compact).toBe('');
  });
});

describe('the event formats carry what the jsonl output says', () => {
  it('codes events in the test articles (otherwise the checks below prove nothing)', () => {
    const { docs } = coded();
    expect(docs[0]!.events.length).toBeGreaterThan(0);
  });

  it('tsv: a header, then one line per event with as many fields', () => {
    const { docs, ctx } = coded();
    const lines = run('tsv', docs, ctx);
    const header = lines[0]!.split('\t');
    expect(header).toEqual(tsvColumns(ctx.quad));
    expect(header.slice(0, 5)).toEqual(['EventID', 'Date', 'Year', 'Month', 'Day']);
    const events = docs.flatMap((d) => d.events.map((e, i) => ({ d, e, i })));
    expect(lines).toHaveLength(1 + events.length);
    const col = (name: string) => header.indexOf(name);
    for (const [k, { d, e }] of events.entries()) {
      const row = lines[k + 1]!.split('\t').map(unescapeTsvField);
      expect(row).toHaveLength(header.length);
      expect(row[col('EventCode')]).toBe(e.cameo);
      expect(row[col('EventRootCode')]).toBe(e.cameo.slice(0, 2));
      expect(row[col('SourceActorFull')]).toBe(e.source?.code ?? '');
      expect(row[col('TargetActorFull')]).toBe(e.target?.code ?? '');
      expect(row[col('SourceActorEntity')]).toBe((e.source?.code ?? '').slice(0, 3));
      expect(Number(row[col('GoldsteinScore')])).toBe(e.goldstein);
      expect(Number(row[col('QuadClass')])).toBe(e.quad);
      expect(row[col('PloverType')]).toBe(e.plover.type);
      expect(row[col('Negated')]).toBe(String(e.negated));
      expect(row[col('TriggerText')]).toBe(d.text.slice(Number(row[col('TriggerStart')]), Number(row[col('TriggerEnd')])));
      expect(row[col('RuleFile')]).toBe(e.rule.file);
      expect(Number(row[col('RuleLine')])).toBe(e.rule.line);
      expect(row[col('ArticleID')]).toBe(d.id);
      expect(row[col('URLs')]).toBe(d.url ?? '');
      expect(row[col('NewsSources')]).toBe(d.source ?? '');
      if (e.date) expect(row[col('Date')]).toBe(e.date.replaceAll('-', ''));
    }
  });

  it('tsv: names the quad column PentaClass under the Phoenix convention', () => {
    expect(tsvColumns('phoenix')[15]).toBe('PentaClass');
    expect(tsvColumns('gdelt')[15]).toBe('QuadClass');
  });

  it('plover: one JSON record per event with a PLOVER type, in the fields of the manual', () => {
    const { docs, ctx } = coded();
    const lines = run('plover', docs, ctx);
    const typed = docs.flatMap((d) => d.events.map((e, i) => ({ d, e, i })).filter(({ e }) => e.plover.type));
    expect(lines).toHaveLength(typed.length);
    for (const [k, { d, e, i }] of typed.entries()) {
      const r = JSON.parse(lines[k]!) as PloverRecord;
      expect(r.id).toBe(`${d.id}-${i + 1}`);
      expect(r.date).toBe(e.date ?? d.date);
      expect(r.event).toEqual([e.plover.type]);
      expect(PLOVER_TYPES as readonly string[]).toContain(r.event[0]);
      expect(r.mode).toEqual(e.plover.mode ? [e.plover.mode] : null);
      expect([1, 2, 3, 4]).toContain(r.quad_code);
      expect(r.cameo_code).toBe(e.cameo);
      expect(r.negated).toBe(e.negated);
      if (e.negated) expect(r.context).toContain('negation');
      expect(r.text).toBe(d.text.slice(r.text_info.start, r.text_info.end));
      expect(r.text.includes(e.trigger.text)).toBe(true);
      expect(r.event_text).toEqual([e.trigger.text]);
      expect(r.actor.map((a) => a.cameo)).toEqual(e.source ? [e.source.code ?? ''] : []);
      expect(r.recipient.map((a) => a.cameo)).toEqual(e.target ? [e.target.code ?? ''] : []);
      for (const a of [...r.actor, ...r.recipient]) {
        expect(d.text.slice(a.start, a.end)).toBe(a.entity_text);
        if (a.cameo) expect(a.code).toMatch(/^[A-Z]{3}$/);
        expect(a.sector).toMatch(/^([A-Z]{3}){0,2}$/);
      }
      expect(r.rule).toMatchObject({ file: e.rule.file, line: e.rule.line });
    }
  });

  it('gdelt: 61 columns in GDELT 2.0 order, one row per event that is not negated, numbered across articles', () => {
    const { docs, ctx } = coded();
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(GDELT_COLUMNS.slice(0, 6)).toEqual(['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code']);
    expect(GDELT_COLUMNS.slice(-2)).toEqual(['DATEADDED', 'SOURCEURL']);
    const lines = run('gdelt', docs, ctx);
    const kept = docs.flatMap((d) => d.events.filter((e) => !e.negated).map((e) => ({ d, e })));
    expect(lines).toHaveLength(kept.length);
    const col = (name: string) => GDELT_COLUMNS.indexOf(name);
    for (const [k, { d, e }] of kept.entries()) {
      const row = lines[k]!.split('\t');
      expect(row).toHaveLength(61);
      expect(row[col('GLOBALEVENTID')]).toBe(String(k + 1));
      expect(row[col('EventCode')]).toBe(e.cameo);
      expect(row[col('EventBaseCode')]).toBe(e.cameo.slice(0, 3));
      expect(row[col('EventRootCode')]).toBe(e.cameo.slice(0, 2));
      expect(row[col('Actor1Code')]).toBe(e.source?.code ?? '');
      expect(row[col('Actor2Code')]).toBe(e.target?.code ?? '');
      const root = Number(e.cameo.slice(0, 2));
      expect(Number(row[col('QuadClass')])).toBe(root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);
      expect(Number(row[col('GoldsteinScale')])).toBe(e.goldstein);
      expect(row[col('SQLDATE')]).toBe((e.date ?? d.date ?? '').replaceAll('-', ''));
      expect(row[col('SOURCEURL')]).toBe(d.url ?? d.source ?? d.id);
      expect(row[col('DATEADDED')]).toMatch(/^\d{14}$/);
      expect(['0', '1']).toContain(row[col('IsRootEvent')]);
    }
  });

  it('gdelt: events of the headline and lead paragraph are root events, later ones are not', () => {
    const { docs, ctx } = coded();
    const d = docs[0]!;
    const lines = run('gdelt', [d], ctx);
    const kept = d.events.filter((e) => !e.negated);
    for (const [k, e] of kept.entries()) {
      const paragraph = d.sentences[e.sentence]!.paragraph;
      expect(lines[k]!.split('\t')[GDELT_COLUMNS.indexOf('IsRootEvent')]).toBe(paragraph <= 1 ? '1' : '0');
    }
  });
});

describe('the jsonl output', () => {
  const bbc = ['data', 'corpus', 'news-mix', 'bbc', 'politics'];
  it.skipIf(!hasShared(...bbc))("every event's and quote's `actor` is the index of that actor in `actors` (BBC politics)", () => {
    const engine = testEngine();
    const dir = sharedPath(...bbc);
    let refs = 0;
    for (const f of readdirSync(dir).sort().slice(0, 200)) {
      const d = engine.code({ text: readFileSync(join(dir, f), 'utf8') });
      const all = [...d.events.flatMap((e) => [e.source, e.target]), ...d.quotes.flatMap((q) => [q.speaker, q.addressee])];
      for (const r of all) {
        if (!r || r.actor === undefined) continue;
        refs++;
        const a = d.actors[r.actor];
        expect(a, `${f}: ${JSON.stringify(r)}`).toBeDefined();
        // the words themselves, or (a pronoun, a description) the actor they stand for
        const same = a!.start === r.start && a!.end === r.end;
        expect(same || (r.code ?? '').startsWith(a!.code.slice(0, 3)), `${f}: ${JSON.stringify(r)} -> ${JSON.stringify(a)}`).toBe(true);
      }
    }
    expect(refs).toBeGreaterThan(50);
  });
});
