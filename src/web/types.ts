/**
 * The shapes the workbench reads from the API: the corpus, commentary and cascade contracts, imported
 * from the modules that define them (all free of Node imports, so the page's type check,
 * which has no Node types, can read them).
 */
export type { IngestResult, ClaimOut, QuoteOut, ArticleRefOut, DocumentOut, FactCheck } from '../commentary/types.js';

export type { CodeKind, Network, NetworkEdge, CodeConditions, ProvisionCode, TreatyCodes, Comparison } from '../corpus/types.js';

/** The result of POST /cascade (the names the workbench has used for them). */
export type { CascadeResult as CascadeView, CascadeRun as CascadeRunView } from '../cascade/types.js';
