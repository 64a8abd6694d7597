/**
 * The treaty's checkable facts, derived from the parsed treaty file (never constants), and
 * the fact check of a claim against them.
 *
 *  - entry into force: the `entry-into-force` statement names the event that completes it
 *    (`when exchange_of_instruments`); the front matter `history` gives that event's date and
 *    source;
 *  - signature: `signed.date` (source: the history's signature entry);
 *  - number of articles: front matter `articles`;
 *  - treaties replaced: `supersedes` statements (source: the article's `- source:` lines);
 *  - duration: the `duration` statement (idem).
 */
import type { Article, TreatyFile } from '../language/index.js';
import type { FactCheck } from './types.js';
import type { FoundDate } from './timeline.js';

interface Fact {
  text: string;
  source: string;
}
export interface TreatyFacts {
  entryIntoForce: (Fact & { date: string }) | null;
  signed: (Fact & { date: string }) | null;
  articleCount: (Fact & { count: number }) | null;
  supersedes: (Fact & { years: string[] }) | null;
  duration: (Fact & { indefinite: boolean }) | null;
}

function articleSource(a: Article | undefined, fallback: string[]): string {
  const urls = (a?.sources ?? []).map((s) => s.split(/\s+/)[0]!).filter((s) => /^https?:/.test(s));
  return (urls.length ? urls : fallback.length ? [fallback[0]!] : ['the treaty file']).join('; ');
}

function articleLabel(a: Article | undefined): string {
  return a ? (a.key === 'preamble' ? 'Preamble' : `Article ${a.label}`) : 'the treaty';
}

export function treatyFacts(t: TreatyFile): TreatyFacts {
  const located = <K extends string>(kind: K) => {
    for (const a of t.articles) for (const b of a.blocks) for (const s of b.statements) if (s.kind === kind) return { article: a, s };
    return null;
  };
  const facts: TreatyFacts = { entryIntoForce: null, signed: null, articleCount: null, supersedes: null, duration: null };

  const eif = located('entry-into-force');
  if (eif && eif.s.kind === 'entry-into-force') {
    const types = new Set(eif.s.when.map((w) => w.type));
    const ev = t.meta.history.filter((h) => types.has(h.type)).sort((a, b) => a.date.localeCompare(b.date))[0];
    if (ev) {
      const step = ev.type.replace(/_/g, ' ');
      facts.entryIntoForce = { date: ev.date, text: `entered into force on ${ev.date}, on the ${step} (${articleLabel(eif.article)})`, source: ev.source ?? articleSource(eif.article, t.meta.sources) };
    }
  }
  if (!facts.entryIntoForce) {
    const ev = t.meta.history.find((h) => h.type === 'entry_into_force');
    if (ev) facts.entryIntoForce = { date: ev.date, text: `entered into force on ${ev.date}`, source: ev.source ?? t.meta.sources[0] ?? 'the treaty file' };
  }
  if (t.meta.signed.date) {
    const ev = t.meta.history.find((h) => h.type === 'signature');
    const place = t.meta.signed.place ? ` in ${t.meta.signed.place}` : '';
    facts.signed = { date: t.meta.signed.date, text: `signed on ${t.meta.signed.date}${place}`, source: ev?.source ?? t.meta.sources[0] ?? 'the treaty file' };
  }
  if (t.meta.articleCount) facts.articleCount = { count: t.meta.articleCount, text: `the treaty has ${t.meta.articleCount} articles`, source: t.meta.sources[0] ?? 'the treaty file' };
  const sup: { article: Article; treaty: string; text: string | null }[] = [];
  for (const a of t.articles) for (const b of a.blocks) for (const s of b.statements) if (s.kind === 'supersedes') sup.push({ article: a, treaty: s.treaty, text: s.text });
  if (sup.length) {
    facts.supersedes = {
      years: sup.flatMap((s) => /\b(\d{4})\b/.exec(s.treaty)?.[1] ?? []),
      text: sup.map((s) => `it supersedes ${s.treaty}${s.text ? `: ${s.text}` : ''} (${articleLabel(s.article)})`).join('; '),
      source: articleSource(sup[0]!.article, t.meta.sources),
    };
  }
  const dur = located('duration');
  if (dur && dur.s.kind === 'duration') {
    const term = dur.s.term;
    const termText = term === 'indefinite' ? 'indefinite' : term === 'unknown' ? 'unknown' : `${term.amount} ${term.unit}s`;
    if (term !== 'unknown') facts.duration = { indefinite: term === 'indefinite', text: `duration: ${termText}${dur.s.text ? ` — ${dur.s.text}` : ''} (${articleLabel(dur.article)})`, source: articleSource(dur.article, t.meta.sources) };
  }
  return facts;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenty-one', 'twenty-two', 'twenty-three', 'twenty-four', 'twenty-five', 'twenty-six', 'twenty-seven', 'twenty-eight', 'twenty-nine', 'thirty'];

const EIF = /\b(take[sn]?\s+effect|took\s+effect|(?:enter|enters|entered|entering|come|comes|came|coming|go|goes|went)\s+into\s+(?:force|effect)|in\s+force|effective\s+(?:from|as\s+of))\b/i;
const SUPERSEDE = /\b(replac\w*|supersed\w*|abrogat\w*|annul\w*|(?:cease[sd]?|ceasing)\s+to\s+(?:have\s+effect|be\s+in\s+force)|terminat\w*)\b/i;
const DURATION_TRUE = /\b(open-ended|indefinite(?:ly)?|unlimited(?:\s+(?:duration|term|period))?|no\s+(?:expiry|expiration|end)\s+date|of\s+unlimited\s+duration)\b/i;
const DURATION_FALSE = /\b(?:for|valid\s+for|lasts?)\s+(?:a\s+(?:period|term)\s+of\s+)?(\d+|one|two|three|five|ten|fifteen|twenty|thirty|fifty)\s+years\b|\bexpires?\b/i;
const NEGATED = /\b(not|n['’]t|never|no longer|yet to)\b/i;

const verdict = (ok: boolean | null, fact: Fact): FactCheck => ({ verdict: ok === null ? 'unverifiable' : ok ? 'true' : 'false', fact: fact.text, source: fact.source });

/**
 * Check one claim sentence. `dates` are the sentence's resolved dates; `otherTreaty` says
 * the sentence speaks about another instrument (then only a "replaces" check applies).
 */
export function checkClaim(text: string, dates: FoundDate[], docDate: string | null, facts: TreatyFacts, otherTreaty: boolean): FactCheck | null {
  const eif = EIF.exec(text);
  if (eif && facts.entryIntoForce && !otherTreaty) {
    const f = facts.entryIntoForce;
    const negated = NEGATED.test(text.slice(Math.max(0, eif.index - 25), eif.index));
    const near = dates.slice().sort((a, b) => Math.abs(a.index - eif.index) - Math.abs(b.index - eif.index))[0];
    if (near) {
      const ok = f.date.startsWith(near.date);
      return verdict(negated ? !ok : ok, f);
    }
    if (!docDate) return verdict(null, f);
    const inForceByNow = docDate >= f.date;
    const claimsInForce = /\b(already|now|has|have|had|is|are|was|took|came|entered|went)\b/i.test(text.slice(Math.max(0, eif.index - 30), eif.index + eif[0].length)) && !/\b(will|would|shall|expected|set to|due to)\b/i.test(text.slice(Math.max(0, eif.index - 30), eif.index));
    if (claimsInForce) return verdict(negated ? !inForceByNow : inForceByNow, f);
    return verdict(null, f);
  }
  if (facts.signed && !otherTreaty && /\bsigned\b/i.test(text)) {
    const d = dates.find((x) => x.date.length >= 7);
    if (d) return verdict(facts.signed.date.startsWith(d.date), facts.signed);
  }
  const count = /\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]+articles?\b/i.exec(text);
  if (count && facts.articleCount && !otherTreaty) {
    const n = /^\d+$/.test(count[1]!) ? Number(count[1]) : NUMBER_WORDS.indexOf(count[1]!.toLowerCase());
    if (n > 1) return verdict(n === facts.articleCount.count, facts.articleCount);
  }
  if (facts.supersedes && SUPERSEDE.test(text) && /\b(treat(y|ies)|agreements?|pacts?|accords?)\b/i.test(text)) {
    const years = [...text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => m[1]!);
    if (!years.length) return verdict(null, facts.supersedes);
    return verdict(years.some((y) => facts.supersedes!.years.includes(y)), facts.supersedes);
  }
  if (facts.duration && !otherTreaty) {
    if (DURATION_TRUE.test(text)) return verdict(facts.duration.indefinite, facts.duration);
    if (DURATION_FALSE.test(text) && /\b(treaty|pact|agreement|accord)\b/i.test(text)) return verdict(!facts.duration.indefinite ? null : false, facts.duration);
  }
  return null;
}
