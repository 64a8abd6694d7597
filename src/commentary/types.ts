/**
 * The JSON contract of `casus ingest --json` (stable: other tools rely on it), and the
 * internal shapes the pipeline passes between its stages.
 */

export type Precision = 'day' | 'month' | 'year';

export interface QuoteOut {
  speaker: string;
  affiliation: string | null;
  text: string;
  line: number;
  start: number;
  end: number;
}

export interface ArticleRefOut {
  treaty: string;
  article: string;
  kind: 'explicit' | 'implicit';
  span: string;
  line: number;
}

export interface FactCheck {
  verdict: 'true' | 'false' | 'unverifiable';
  fact: string;
  source: string;
}

export interface ClaimOut {
  holder: string;
  text: string;
  line: number;
  articles: string[];
  readings: string[];
  fact_check: FactCheck | null;
}

export interface EventOut {
  date: string;
  label: string;
  line: number;
}

export interface DocumentOut {
  file: string;
  date: string | null;
  quotes: QuoteOut[];
  article_refs: ArticleRefOut[];
  claims: ClaimOut[];
  events: EventOut[];
}

export interface NearDuplicate {
  a: { file: string; lines: [number, number] };
  b: { file: string; lines: [number, number] };
  similarity: number;
}

export interface Contradiction {
  a: { file: string; line: number };
  b: { file: string; line: number };
  why: string;
}

export interface IngestResult {
  documents: DocumentOut[];
  near_duplicates: NearDuplicate[];
  contradictions: Contradiction[];
}

/** One input: the name as given (used in output and errors) and its raw bytes. */
export interface InputDocument {
  file: string;
  bytes: Uint8Array;
  /** document date YYYY-MM-DD, overriding --date and any date found in the text */
  date?: string;
}
