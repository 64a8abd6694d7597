/** The language layer's public face: read, check and format literate treaty files. */
import { readFileSync } from 'node:fs';
import type { TreatyFile } from './ast.js';
import { assertValid } from './check.js';
import { parseTreatyText } from './treaty-file.js';
import type { Diagnostic } from './diagnostics.js';
import { defaultWorld, type World } from '../world/world.js';

export * from './ast.js';
export { parseTreatyText, formatTreatyText } from './treaty-file.js';
export { checkTreaty, assertValid, ruleId } from './check.js';
export { CasusError, formatDiagnostic, type Diagnostic } from './diagnostics.js';

/** Read, parse and check one treaty file; throws CasusError on any error. */
export function loadTreatyFile(file: string, world: World = defaultWorld(), knownTreaties?: Set<string>): { treaty: TreatyFile; warnings: Diagnostic[] } {
  const treaty = parseTreatyText(readFileSync(file, 'utf8'), file);
  const warnings = assertValid(treaty, world, knownTreaties);
  return { treaty, warnings };
}
