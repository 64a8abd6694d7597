/**
 * The shapes the corpus layer produces (provision codes, comparisons, the alliance network),
 * on their own and free of Node imports, so that the server and the browser workbench share one
 * definition with the code that builds them.
 */
import type { RuleDecl } from '../language/ast.js';

/** The provision codes, in table order (CODE_KINDS in codes.ts lists them all). */
export type CodeKind = 'defence' | 'offence' | 'neutrality' | 'non-aggression' | 'consultation' | 'no-competing-alliance' | 'no-hostile-territory-use' | 'military-aid' | 'bases';

export type Automaticity = 'automatic' | 'discretionary' | 'unspecified';
/** `operative`: a `when un_charter_art51_report` must be met; `reference`: only a qualifier names Article 51. */
export type Art51 = 'none' | 'reference' | 'operative';

export interface CodeConditions {
  /** triggering event types, in order; [] for a standing duty */
  trigger: string[];
  /** states named as the attacker in the trigger (`by = XXX`, `by in [...]`) */
  named_adversary: string[];
  /** region(…) and administered-by(…) limits in the trigger */
  geographic_limit: string[];
  automaticity: Automaticity;
  /** the deadline as the text words it, or null */
  deadline: string | null;
  requires_state_of_war: boolean;
  requires_prior_consultation: boolean;
  un_art51: Art51;
  domestic_law_gate: boolean;
}

export interface RuleRef {
  treaty: string;
  article: string;
  /** article label as written (IV, 4, consultation) */
  label: string;
  rule: string;
  title: string | null;
  text_status: string;
}

export interface ProvisionCode {
  /** `treaty/rule:kind`, stable */
  id: string;
  treaty: string;
  code: CodeKind;
  atop: string | null;
  modality: RuleDecl['modality'];
  /** the parties who bear it */
  bearers: string[];
  /** for whom: 'other parties', or named states */
  owed_to: string[];
  conditions: CodeConditions;
  rule: RuleRef;
  /** questions of the treaty whose readings change this code (presence or conditions) */
  depends_on: string[];
}

export interface CodeChange {
  id: string;
  code: CodeKind;
  /** 'present' when the code appears or disappears; otherwise a condition name */
  field: string;
  from: string;
  to: string;
}

export interface CodeVariation {
  question: string;
  reading: string;
  default_reading: string;
  changes: CodeChange[];
}

export interface TreatyCodes {
  treaty: string;
  title: string;
  short_title: string | null;
  parties: string[];
  duration: string | null;
  supersedes: string[];
  codes: ProvisionCode[];
  variations: CodeVariation[];
}

/** Every state that is or was a party: the front matter's parties and every accession. */

export interface CompareRow {
  /** 'lifecycle' or a code kind */
  section: string;
  /** what the row shows: 'present', 'clauses', a condition name, or a lifecycle fact */
  field: string;
  /** treaty id -> cell text */
  values: Record<string, string>;
  /** the cells are not all the same */
  differs: boolean;
}

export interface Comparison {
  treaties: { id: string; title: string; short_title: string | null }[];
  rows: CompareRow[];
}

export type EdgeCertainty = 'in-force' | 'unverified';

export interface NetworkEdge {
  /** for an undirected edge, `a < b`; for a directed one, a is the bearer and b the state it is owed to */
  a: string;
  b: string;
  directed: boolean;
  type: CodeKind;
  treaty: string;
  rules: string[];
  certainty: EdgeCertainty;
}

export interface NetworkTreaty {
  id: string;
  status: string;
  since: string | null;
  parties: string[];
  certainty: EdgeCertainty;
}

export interface Network {
  as_of: string;
  nodes: { id: string; name: string }[];
  treaties: NetworkTreaty[];
  edges: NetworkEdge[];
}
