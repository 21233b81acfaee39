/**
 * Reader for PETRARCH agent dictionaries:
 *
 *     !MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES   <- a substitution set
 *     AMBASSADOR [~GOV]                 <- regular plural made (AMBASSADORS)
 *     GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS] <- the plural given
 *     POLICE {} [~COP]                  <- no plural
 *     !MINST!_OF_SILLY_WALKS [~GOV]     <- one phrase per member, no plural made
 *     HUMAN_RIGHTS_BODY [NGO~]          <- `CODE~`: the code goes before the actor's
 *
 * A `~CODE` is added after the actor's code ("Arnor cleric" ARN + REL = ARNREL),
 * a `CODE~` before it ("MSF Arnor" NGO + ARN = NGOARN).
 */
import type { PeerAgent, PeerAgentFile, PeerPhrase } from './peer-types.js';
import { peerLines, PeerReport, splitCodeBlocks } from './peer-lines.js';
import { petrarchPhrase, petrarchPlural } from './peer-phrase.js';

/** `[~GOV]`, `[ NGO~]` → code and position; null when the block is not an agent code */
export function agentCode(block: string): { code: string; position: 'suffix' | 'prefix' } | null {
  const b = block.replace(/\s+/g, '');
  let m = /^~([A-Za-z0-9]+)$/.exec(b);
  if (m) return { code: m[1]!.toUpperCase(), position: 'suffix' };
  m = /^([A-Za-z0-9]+)~$/.exec(b);
  if (m) return { code: m[1]!.toUpperCase(), position: 'prefix' };
  return null;
}

export function readPetrarchAgents(source: string, file: string, report = new PeerReport(file)): PeerAgentFile {
  const out: PeerAgentFile = { file, agents: [] };
  const substitutions = new Map<string, string[]>();
  for (const { text, line } of peerLines(source, report, 'petrarch')) {
    const t = text.trim();
    const sub = /^!([A-Za-z0-9_]+)!\s*=\s*(.*)$/.exec(t);
    if (sub) {
      const members = sub[2]!.split(',').map((s) => s.trim()).filter(Boolean);
      if (!members.length) report.error(`substitution set !${sub[1]}! is empty`, line);
      substitutions.set(sub[1]!.toUpperCase(), members);
      continue;
    }
    const parsed = report.guard(line, () => splitCodeBlocks(t, file, line), null);
    if (!parsed) continue;
    if (parsed.blocks.length !== 1) {
      report.error(parsed.blocks.length ? `agent line has ${parsed.blocks.length} code blocks` : `agent line "${t}" has no [~CODE]`, line);
      continue;
    }
    const code = agentCode(parsed.blocks[0]!);
    if (!code) {
      report.error(`"[${parsed.blocks[0]}]" is not an agent code (~CODE or CODE~)`, line);
      continue;
    }
    // the phrase and an optional {plural ...}
    const pm = /^([^{}]*?)\s*(?:\{([^{}]*)\})?\s*$/.exec(parsed.rest);
    if (!pm || !pm[1]!.trim()) {
      report.error(`agent line "${t}" should be "PHRASE {plurals} [~CODE]"`, line);
      continue;
    }
    const written = pm[1]!.trim();
    const plurals = pm[2] === undefined ? null : pm[2].split(/\s+/).filter(Boolean);
    // substitution markers: every member replaces the marker, no plural is made
    const marker = /!([A-Za-z0-9_]+)!/.exec(written);
    const phrases: PeerPhrase[] = [];
    const add = (w: string) => {
      const p = report.guard(line, () => petrarchPhrase(w, file, line), null);
      if (p) phrases.push(p);
    };
    if (marker) {
      const members = substitutions.get(marker[1]!.toUpperCase());
      if (!members) {
        report.error(`substitution set !${marker[1]}! is not defined above`, line);
        continue;
      }
      for (const m of members) add(written.replace(marker[0], m));
    } else {
      add(written);
      if (plurals === null) {
        const p = phrases[0];
        if (p) {
          const words = p.words.map((w) => w.text);
          words[words.length - 1] = petrarchPlural(words[words.length - 1]!);
          add(words.join('_'));
        }
      } else {
        for (const pl of plurals) add(pl);
      }
    }
    if (!phrases.length) continue;
    const agent: PeerAgent = { phrases, code: code.code, position: code.position, line };
    out.agents.push(agent);
  }
  return out;
}
