/**
 * The shapes the workbench reads from the API: the corpus and commentary contracts, imported
 * from the modules that define them (both free of Node imports, so the page's type check,
 * which has no Node types, can read them).
 */
export type { IngestResult, ClaimOut, QuoteOut, ArticleRefOut, DocumentOut, FactCheck } from '../commentary/types.js';

export type { CodeKind, Network, NetworkEdge, CodeConditions, ProvisionCode, TreatyCodes, Comparison } from '../corpus/types.js';
