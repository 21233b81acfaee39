/**
 * Reader for TABARI `.actors` files: PETRARCH's actor layout with TABARI's
 * word marks (petrarch-actors.ts, peer-phrase.ts) and `;` comments.
 */
import type { PeerActorFile } from './peer-types.js';
import { PeerReport } from './peer-lines.js';
import { readPeerActors } from './petrarch-actors.js';

export function readTabariActors(source: string, file: string, report = new PeerReport(file)): PeerActorFile {
  return readPeerActors(source, file, 'tabari', report);
}

