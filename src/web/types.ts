/**
 * The shapes of the corpus endpoints as the workbench reads them. They mirror src/corpus
 * (network.ts, codes.ts, compare.ts), which cannot be imported here: the workbench is
 * type-checked without Node's types and those modules reach the file system. The server tests
 * validate the real responses against the OpenAPI schemas, which describe the same fields.
 * The commentary contract has no such dependency and is imported as it is.
 */
export type { IngestResult, ClaimOut, QuoteOut, ArticleRefOut, DocumentOut, FactCheck } from '../commentary/types.js';

export type CodeKind = 'defence' | 'offence' | 'neutrality' | 'non-aggression' | 'consultation' | 'no-competing-alliance' | 'no-hostile-territory-use' | 'military-aid' | 'bases';

export interface NetworkEdge {
  a: string;
  b: string;
  directed: boolean;
  type: CodeKind;
  treaty: string;
  rules: string[];
  certainty: 'in-force' | 'unverified';
}

export interface Network {
  as_of: string;
  nodes: { id: string; name: string }[];
  treaties: { id: string; status: string; since: string | null; parties: string[]; certainty: 'in-force' | 'unverified' }[];
  edges: NetworkEdge[];
}

export interface CodeConditions {
  trigger: string[];
  named_adversary: string[];
  geographic_limit: string[];
  automaticity: 'automatic' | 'discretionary' | 'unspecified';
  deadline: string | null;
  requires_state_of_war: boolean;
  requires_prior_consultation: boolean;
  un_art51: 'none' | 'reference' | 'operative';
  domestic_law_gate: boolean;
}

export interface ProvisionCode {
  id: string;
  treaty: string;
  code: CodeKind;
  atop: string | null;
  modality: 'obligation' | 'permission' | 'prohibition';
  bearers: string[];
  owed_to: string[];
  conditions: CodeConditions;
  rule: { treaty: string; article: string; label: string; rule: string; title: string | null; text_status: string };
  depends_on: string[];
}

export interface TreatyCodes {
  treaty: string;
  title: string;
  short_title: string | null;
  parties: string[];
  duration: string | null;
  supersedes: string[];
  codes: ProvisionCode[];
  variations: { question: string; reading: string; default_reading: string; changes: { id: string; code: CodeKind; field: string; from: string; to: string }[] }[];
}

export interface Comparison {
  treaties: { id: string; title: string; short_title: string | null }[];
  rows: { section: string; field: string; values: Record<string, string>; differs: boolean }[];
}
