/**
 * Reader for TABARI `.agents` files: the actor layout with agent codes,
 *
 *     AMBASSADOR_  [~GOV]             <- a whole word with regular endings
 *     HUMAN_RIGHTS_ACTIVISTS_ [NGM~]  <- `CODE~`: the code goes before the actor's
 *     CLERIC_ [~MOS]
 *
 * TABARI makes no plurals: stems and `_` endings cover them.
 */
import type { PeerAgentFile } from './peer-types.js';
import { PeerReport } from './peer-lines.js';
import { readPeerActors } from './petrarch-actors.js';
import { agentCode } from './petrarch-agents.js';

export function readTabariAgents(source: string, file: string, report = new PeerReport(file)): PeerAgentFile {
  const actors = readPeerActors(source, file, 'tabari', new PeerReport(file, report.strict));
  const out: PeerAgentFile = { file, agents: [] };
  for (const a of actors.actors) {
    if (a.codes.length !== 1) {
      report.error(`agent "${a.phrases[0]!.written}" should have exactly one [~CODE]`, a.line);
      continue;
    }
    const code = agentCode(a.codes[0]!.code + (a.codes[0]!.from || a.codes[0]!.until ? ' dated' : ''));
    if (!code) {
      report.error(`"[${a.codes[0]!.code}]" is not an agent code (~CODE or CODE~)`, a.line);
      continue;
    }
    out.agents.push({ phrases: a.phrases, code: code.code, position: code.position, line: a.line });
  }
  return out;
}
