/** The commentary layer's public API: ingest articles about a treaty (see docs/commentary.md). */
export { ingestDocuments, ingestFiles, loadTreatyById, checkDate, DEFAULT_TREATY, type IngestOptions } from './ingest.js';
export { openStore, storeResult, exportStore, MIGRATIONS, type Store } from './store.js';
export { treatyFacts, type TreatyFacts } from './facts.js';
export type * from './types.js';
