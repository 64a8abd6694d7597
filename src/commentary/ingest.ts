/**
 * The commentary pipeline: read each document, find quotations and their speakers, article
 * references, claims with readings and fact checks, and dated events; then near-duplicates
 * and contradictions across all documents. Returns the `casus ingest --json` contract.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadTreatyFile, statementsOf, type ReadingDecl, type TreatyFile } from '../language/index.js';
import { userError } from '../language/diagnostics.js';
import { ArticleFinder } from './articles.js';
import { applyContrast, classifyReadings, maskLongQuotes, type ClaimDraft } from './claims.js';
import { contradictions, nearDuplicates, type ClaimRef, type Passage } from './duplicates.js';
import { checkClaim, treatyFacts, type TreatyFacts } from './facts.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { PeopleIndex, type Person } from './people.js';
import { findQuotes, type QuoteSpan } from './quote-spans.js';
import { Attributor } from './quotes.js';
import { segment, type Sentence } from './segment.js';
import { makeSource, readInputFile, type Source } from './source.js';
import { findDates, headerDate } from './timeline.js';
import type { ArticleRefOut, ClaimOut, DocumentOut, EventOut, IngestResult, InputDocument, QuoteOut } from './types.js';
import { PACKAGE_ROOT } from '../paths.js';

export const DEFAULT_TREATY = 'rus-prk-2024';

export interface IngestOptions {
  /** a parsed treaty, or a treaty id looked up as treaties/<id>.casus.md under the repo root */
  treaty?: TreatyFile | string;
  /** document date YYYY-MM-DD for every input without its own */
  date?: string;
}

export function repoRoot(): string {
  return PACKAGE_ROOT;
}

/** Load treaties/<id>.casus.md; unknown ids are a user error naming the known ones. */
export function loadTreatyById(id: string): TreatyFile {
  const dir = path.join(repoRoot(), 'treaties');
  const file = path.join(dir, `${id}.casus.md`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || !existsSync(file)) {
    throw userError('--treaty', 1, 1, `unknown treaty '${id}': no file treaties/${id}.casus.md`);
  }
  return loadTreatyFile(file).treaty;
}

export function checkDate(date: string, where = '--date'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw userError(where, 1, 1, `invalid date '${date}': expected YYYY-MM-DD`);
  return date;
}

interface Analysed {
  out: DocumentOut;
  passages: Passage[];
  claims: ClaimRef[];
  sentences: { file: string; docIndex: number; line: number; text: string }[];
}

/** The document's author: a byline ("By X") or a closing "X is a … at …" line. */
function findAuthor(src: Source, paragraphs: { start: number; end: number }[]): string | null {
  const name = '(\\p{Lu}[\\p{L}.\'’-]+(?:\\s+\\p{Lu}[\\p{L}.\'’-]+){1,3})';
  for (const p of paragraphs.slice(0, 3)) {
    const m = new RegExp(`^By\\s+${name}\\b`, 'u').exec(src.text.slice(p.start, p.end));
    if (m) return m[1]!;
  }
  for (const p of paragraphs.slice(-2)) {
    const t = src.text.slice(p.start, p.end);
    const m = new RegExp(`^${name}\\s+(?:is|was)\\s+(?:a|an|the)\\b`, 'u').exec(t);
    if (m && t.length < 300) return m[1]!;
  }
  return null;
}

class DocumentAnalyser {
  private readonly finder: ArticleFinder;
  private readonly readings: ReadingDecl[];
  private readonly questionOf: Map<string, string>;
  private readonly facts: TreatyFacts;
  private readonly articleOfReading: Map<string, string>;
  constructor(private readonly treaty: TreatyFile, private readonly lex: Lexicon) {
    this.finder = new ArticleFinder(treaty, lex);
    this.readings = statementsOf(treaty, 'reading');
    this.questionOf = new Map(this.readings.map((r) => [r.id, r.question]));
    this.facts = treatyFacts(treaty);
    this.articleOfReading = new Map();
    for (const a of treaty.articles) for (const b of a.blocks) for (const st of b.statements) if (st.kind === 'reading') this.articleOfReading.set(st.id, a.key);
  }

  get questions(): Map<string, string> {
    return this.questionOf;
  }

  analyse(src: Source, docIndex: number, date: string | null): Analysed {
    const lex = this.lex;
    const text = src.text;
    const { paragraphs, sentences } = segment(text);
    const sentenceAt = (i: number): Sentence => sentences.find((s) => i >= s.start && i < s.end + 1) ?? sentences[sentences.length - 1]!;
    const quotesByPara = paragraphs.map((p) => findQuotes(text, p));
    const allQuotes = quotesByPara.flat();
    const people = new PeopleIndex(text, lex, allQuotes, sentenceAt);
    const attributor = new Attributor(text, lex, people);
    const line = (i: number) => src.lineOf(i);

    // quotations
    const speakerOf = new Map<QuoteSpan, Person>();
    const quotes: QuoteOut[] = [];
    paragraphs.forEach((p, pi) => {
      const pq = quotesByPara[pi]!;
      for (const q of pq) {
        const s = sentenceAt(q.open);
        const who = attributor.attribute(q, s, p.sentences, pq, speakerOf);
        if (!who) continue;
        speakerOf.set(q, who);
        quotes.push({ speaker: who.name, affiliation: who.affiliation, text: text.slice(q.start, q.end), line: line(q.start), start: src.fileOffset(q.start), end: src.fileOffset(q.end - 1) + 1 });
      }
    });

    const author = findAuthor(src, paragraphs) ?? `author of ${src.file}`;
    const articleRefs: ArticleRefOut[] = [];
    const drafts: (ClaimDraft & { articles: string[]; fact: ClaimOut['fact_check']; existence: ClaimRef['existence'] })[] = [];
    const events: EventOut[] = [];
    const sentenceRecords: Analysed['sentences'] = [];

    for (const s of sentences) {
      const refs = this.finder.find(s);
      for (const r of refs) articleRefs.push({ treaty: this.treaty.meta.id, article: r.article, kind: r.kind, span: r.span, line: line(r.start) });
      const dates = findDates(s.text, date);
      const label = s.text.replace(/\s+/g, ' ').trim();
      for (const d of dates) events.push({ date: d.date, label: label.length > 200 ? label.slice(0, 197) + '…' : label, line: line(s.start + d.index) });
      sentenceRecords.push({ file: src.file, docIndex, line: line(s.start), text: s.text });

      const masked = maskLongQuotes(s, allQuotes.filter((q) => !speakerOf.has(q)));
      const otherTreaty = !refs.length && this.finder.aboutOtherTreaty(s);
      const onTopic = refs.length > 0 || /\b(treaty|pact|agreement|accord|clause|provision|text|alliance|assistance|aid|help|part(y|ies)|consult\w*|attack\w*|aggression|war)\b/i.test(masked);
      const hits = onTopic ? classifyReadings(masked, this.readings, lex) : [];
      const readings = hits.map((h) => h.id);
      // a sentence that takes a reading of an article without naming any article refers to it
      // when the cue describes what the clause gives ("immediate military aid")
      const named = refs.length > 0;
      for (const h of hits) {
        const article = this.articleOfReading.get(h.id);
        if (!article || named || refs.some((r) => r.article === article)) continue;
        if (!/\b(assist\w*|aid|help)\b/i.test(h.span)) continue;
        const ref = { article, kind: 'implicit' as const, span: h.span, start: s.start + h.index, end: s.start + h.index + h.span.length };
        refs.push(ref);
        articleRefs.push({ treaty: this.treaty.meta.id, article, kind: 'implicit', span: h.span, line: line(ref.start) });
      }
      const fact = checkClaim(masked, dates, date, this.facts, otherTreaty);
      const mentionsTreaty = refs.length > 0 || (/\b(?:the|this|new|its)\s+(?:new\s+)?(?:treaty|pact|agreement|accord|deal)\b/i.test(masked) && !otherTreaty);
      const existence: ClaimRef['existence'] = new Map();
      for (const r of refs) {
        if (r.kind !== 'implicit' || !/\b(clause|provision|pledge)\b/i.test(r.span)) continue;
        const before = text.slice(Math.max(s.start, r.start - 45), r.start);
        const absent = /\b(no|not|without|lacks?|omit\w*|n['’]t)\b[^,;.]*$/i.test(before);
        if (!existence.has(r.article)) existence.set(r.article, { present: !absent, span: r.span });
      }
      const isClaim = readings.length > 0 || fact !== null || existence.size > 0 || (mentionsTreaty && lex.claimVerbRe.test(masked));
      if (!isClaim) continue;
      const inQuote = allQuotes.find((q) => speakerOf.has(q) && q.start <= s.start + 2 && q.end >= s.end - 3) ?? allQuotes.find((q) => speakerOf.has(q) && q.start >= s.start && q.end <= s.end && (q.end - q.start) > 0.5 * (s.end - s.start));
      const speaker = inQuote ? speakerOf.get(inQuote)! : attributor.sentenceSpeaker(s, allQuotes);
      // "Some analysts argue …", "Others said …": the view is reported, not the author's own
      const group = speaker ? null : reportedGroup(s.text);
      drafts.push({ sentence: s, holder: speaker?.name ?? (group ? `${group} (unnamed; reported by ${author})` : author), readings, articles: [...new Set(refs.map((r) => r.article))], fact, existence });
    }
    applyContrast(drafts, this.questionOf, lex);

    const claims: ClaimOut[] = drafts.map((d) => ({
      holder: d.holder,
      text: d.sentence.text.replace(/\s+/g, ' ').trim(),
      line: line(d.sentence.start),
      articles: d.articles.sort(cmpArticle),
      readings: d.readings,
      fact_check: d.fact,
    }));
    const passages: Passage[] = paragraphs.map((p) => ({ file: src.file, docIndex, lines: [line(p.start), line(p.end - 1)], text: text.slice(p.start, p.end) }));
    const claimRefs: ClaimRef[] = drafts.map((d, i) => ({ file: src.file, docIndex, line: claims[i]!.line, holder: d.holder, readings: d.readings, text: claims[i]!.text, existence: d.existence }));
    const out: DocumentOut = {
      file: src.file,
      date,
      quotes: quotes.sort((a, b) => a.start - b.start || a.end - b.end),
      article_refs: articleRefs.sort((a, b) => a.line - b.line || cmpArticle(a.article, b.article) || a.kind.localeCompare(b.kind) || a.span.localeCompare(b.span)),
      claims: claims.sort((a, b) => a.line - b.line),
      events: dedupeEvents(events),
    };
    return { out, passages, claims: claimRefs, sentences: sentenceRecords };
  }
}

function cmpArticle(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isNaN(na) || Number.isNaN(nb)) return Number.isNaN(na) === Number.isNaN(nb) ? a.localeCompare(b) : Number.isNaN(na) ? -1 : 1;
  return na - nb;
}

function dedupeEvents(events: EventOut[]): EventOut[] {
  const seen = new Set<string>();
  return events
    .filter((e) => {
      const k = `${e.line}|${e.date}|${e.label}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.date.localeCompare(b.date));
}

/** Ingest documents given as bytes. Throws CasusError on bad input. */
export function ingestDocuments(inputs: InputDocument[], options: IngestOptions = {}): IngestResult {
  const treaty = typeof options.treaty === 'object' ? options.treaty : loadTreatyById(options.treaty ?? DEFAULT_TREATY);
  if (options.date) checkDate(options.date);
  const lex = loadLexicon();
  const analyser = new DocumentAnalyser(treaty, lex);
  const analysed = inputs.map((input, i) => {
    const src = makeSource(input.file, input.bytes);
    const date = input.date ? checkDate(input.date) : options.date ?? src.metaDate ?? headerDate(src.text);
    return analyser.analyse(src, i, date);
  });
  return {
    documents: analysed.map((a) => a.out),
    near_duplicates: nearDuplicates(analysed.flatMap((a) => a.passages)),
    contradictions: contradictions(analysed.flatMap((a) => a.claims), analysed.flatMap((a) => a.sentences), analyser.questions),
  };
}

/** Ingest files from disk (names kept as given). */
export function ingestFiles(files: string[], options: IngestOptions = {}): IngestResult {
  return ingestDocuments(files.map((file) => ({ file, bytes: readInputFile(file) })), options);
}

const GROUP_RE = /^\s*(?:(some|many|several|most|other|a few|few)\s+)?(analysts|experts|observers|officials|critics|commentators|scholars|diplomats|officers|researchers|lawmakers|others)\b(?:\s+\w+){0,4}?\s+(?:say|says|said|argue|argues|argued|note|noted|contend|contended|believe|believed|suggest|suggested|claim|claimed|warn|warned|insist|insisted|think|thought|point out|pointed out|maintain|maintained)\b/i;

/** An unnamed group presented as holding the view ("some analysts", "others"), or null. */
export function reportedGroup(sentence: string): string | null {
  const m = GROUP_RE.exec(sentence);
  if (!m) return null;
  const who = `${m[1] ? `${m[1].toLowerCase()} ` : ''}${m[2]!.toLowerCase()}`;
  return who;
}
