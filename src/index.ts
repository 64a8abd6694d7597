/**
 * casus as a library: the typed API the CLI, the HTTP server and the workbench are built on.
 *
 *   import { defaultWorkspace, loadScenario, runScenario } from 'casus';
 *   const ws = defaultWorkspace();
 *   const out = runScenario(loadScenario('scenarios/attack-kursk-2025.yaml', ws), ws, { readings: ['art4.state-of-war'] });
 */
export { defaultWorkspace, engineInput, loadScenario, runScenario, scenarioAcrossReadings, stableJson, type RunOptions, type Workspace } from './api.js';
export * from './engine/index.js';
export { loadTreatyFile, parseTreatyText, formatTreatyText, checkTreaty, CasusError, formatDiagnostic, type Diagnostic } from './language/index.js';
export type * from './language/ast.js';
export { loadCorpus, defaultCorpus, treatyFiles, withRelated, type Corpus } from './corpus/load.js';
export { treatyCodes, corpusCodes } from './corpus/codes.js';
export { compareTreaties } from './corpus/compare.js';
export { networkAt } from './corpus/network.js';
export type * from './corpus/types.js';
export { scenarioMatrix } from './corpus/matrix.js';
export { cascade, cascadeAsync, simulate, type CascadeOptions } from './cascade/cascade.js';
export type * from './cascade/types.js';
export { ingestDocuments, ingestFiles, openStore, storeResult, exportStore } from './commentary/index.js';
export type * from './commentary/types.js';
export { parseScenarioText, loadScenarioFile, scenarioJsonSchema, type Scenario } from './scenario/scenario.js';
export { loadWorld, defaultWorld, type World } from './world/world.js';
export { buildServer } from './server/server.js';
