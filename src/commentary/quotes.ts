/**
 * Attributing each quotation to its speaker, by grammar patterns tried in order:
 *  1. after the quote: "…,' said Leif-Eric Easley", "…,' he said", "…, observed X." at the
 *     end of the sentence, "according to X";
 *  2. a colon: "a quote from Adviser Chang Ho-jin: “…”", "Putin's article: “…”";
 *  3. a speech verb before it, with its subject: "Kim remarked that …", "He criticized …,
 *     calling it", "what the latter called", "The Russian President says that";
 *  4. the speaker's own document: "judging by Putin's article …";
 *  5. the speaker of the previous quotation in the same sentence, or of the quotation in
 *     the sentence just before when this one opens its sentence.
 * Quotations no pattern attributes to a person (scare quotes, titles, the treaty's own
 * words) are left out.
 */
import type { Lexicon } from './lexicon.js';
import type { Person, PeopleIndex } from './people.js';
import type { QuoteSpan } from './quote-spans.js';
import type { Sentence } from './segment.js';

export interface AttributedQuote extends QuoteSpan {
  speaker: Person;
  sentence: Sentence;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Attributor {
  private readonly verbAtStart: RegExp;
  private readonly docRe: RegExp;
  constructor(private readonly text: string, private readonly lex: Lexicon, private readonly people: PeopleIndex) {
    const verbs = lex.speechVerbs.map(esc).join('|');
    this.verbAtStart = new RegExp(`^(?:${verbs})\\b`);
    this.docRe = new RegExp(`['’]s\\s+(?:(?:new|latest|recent|own|open|published)\\s+)?(?:${lex.speechDocuments.map(esc).join('|')})\\b`);
  }

  /** Speech-verb matches (lower case, not passive) in [start, end), skipping quoted text. */
  private verbs(start: number, end: number, quotes: QuoteSpan[]): { at: number; end: number }[] {
    const out: { at: number; end: number }[] = [];
    const re = new RegExp(this.lex.speechVerbRe.source, 'g');
    const slice = this.text.slice(start, end);
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const at = start + m.index;
      if (quotes.some((q) => at >= q.open && at < q.close)) continue;
      if (/\b(is|are|was|were|be|been|being)\s+$/.test(this.text.slice(Math.max(0, at - 12), at))) continue;
      out.push({ at, end: at + m[0].length });
    }
    return out;
  }

  /** A person-referring expression starting at `pos` (after optional spaces/commas). */
  private referentAt(pos: number, limit: number): Person | null {
    const rest = this.text.slice(pos, limit);
    const lead = /^[\s,]*/.exec(rest)![0].length;
    const at = pos + lead;
    const pron = /^(he|she|He|She)\b/.exec(rest.slice(lead));
    if (pron) return this.people.resolvePronoun(at);
    const lat = /^the (latter|former)\b/i.exec(rest.slice(lead));
    if (lat) return this.people.resolveLatter(at, lat[1]!.toLowerCase() as 'latter' | 'former');
    // a role phrase may precede the name: "said former Russian diplomat Georgy Toloraya"
    const clause = /^[^,;.“”"]*/.exec(rest.slice(lead))![0];
    const ms = this.people.mentionsIn(at, at + clause.length + 1);
    let m = ms[0];
    if (!m || this.text.slice(at, m.start).split(/\s+/).filter(Boolean).length > 6) return null;
    // "Putin aide Yuri Ushakov": a name followed by a role and another name is the second one
    for (const next of ms.slice(1)) {
      const gap = this.text.slice(m.end, next.start).replace(/^['’]s\b/, '').trim().split(/\s+/).filter(Boolean);
      if (gap.length && gap.length <= 3 && gap.every((w) => this.isRoleWord(w))) m = next;
      else break;
    }
    return m.person;
  }

  /** The subject of a verb at `verbAt`: the nearest person reference before it in the sentence. */
  private subjectBefore(from: number, verbAt: number): Person | null {
    const before = this.text.slice(from, verbAt);
    const words = [...before.matchAll(/[\p{L}’'-]+/gu)];
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i]!;
      const at = from + w.index!;
      const m = this.people.mentionsIn(0, at + w[0].length).filter((x) => x.end >= at + 1 && x.start <= at)[0];
      if (m) return m.person;
      if (/^(he|she)$/i.test(w[0])) return this.people.resolvePronoun(at);
      if (/^(latter|former)$/i.test(w[0]) && /the\s+$/i.test(before.slice(0, w.index))) return this.people.resolveLatter(at, w[0].toLowerCase() as 'latter' | 'former');
      if (/^(we|they|I|you)$/.test(w[0])) return null;
    }
    return null;
  }

  private isRoleWord(w: string): boolean {
    const l = w.toLowerCase();
    return this.lex.titles.has(l) || this.lex.roleModifiers.has(l) || this.lex.nationalities.some((n) => n.split(' ').includes(l));
  }

  /** Whom a sentence attributes its content to: "according to X", "X argued that …". */
  sentenceSpeaker(s: Sentence, quotes: QuoteSpan[]): Person | null {
    const view = /\b(?:[Ii]n|[Ff]or)\s+(his|her)\s+(?:view|reading|opinion|words|analysis)\b/.exec(s.text);
    if (view) return this.people.resolvePronoun(s.start + view.index);
    const possView = /['’]s\s+(?:view|reading|opinion|analysis)\b/.exec(s.text);
    if (possView) {
      const m = this.people.mentionsIn(s.start, s.start + possView.index + 1).at(-1);
      if (m && m.end >= s.start + possView.index - 1) return m.person;
    }
    const acc = /\b[Aa]ccording to\b/.exec(s.text);
    if (acc) {
      const p = this.referentAt(s.start + acc.index + acc[0].length, s.end);
      if (p) return p;
    }
    for (const v of this.verbs(s.start, s.end, quotes)) {
      // "X argued that …" with X the sentence's subject, or a closing ", observed X."
      const subj = this.people.mentionsIn(s.start, v.at).filter((m) => !m.inQuote).at(-1);
      const pron = /^\s*(?:\p{L}+,\s*)?(he|she)\b/iu.exec(this.text.slice(s.start, v.at));
      if (subj && subj.start - s.start < 60 && v.at - subj.end < 80) return subj.person;
      if (pron && v.at - s.start < 60) return this.people.resolvePronoun(s.start + pron.index);
      if (/,\s*$/.test(this.text.slice(s.start, v.at)) && s.end - v.end < 120) {
        const p = this.referentAt(v.end, s.end);
        if (p) return p;
      }
    }
    return null;
  }

  attribute(q: QuoteSpan, sentence: Sentence, sentences: Sentence[], paraQuotes: QuoteSpan[], done: Map<QuoteSpan, Person>): Person | null {
    const i = paraQuotes.indexOf(q);
    const prevQ = i > 0 ? paraQuotes[i - 1]! : null;
    const nextQ = paraQuotes[i + 1];
    const sEnd = sentences.find((s) => q.close - 1 >= s.start && q.close - 1 < s.end + 1)?.end ?? sentence.end;
    const beforeFrom = prevQ && prevQ.close > sentence.start ? prevQ.close : sentence.start;
    const before = this.text.slice(beforeFrom, q.open);
    if (/\b(titled|entitled|named|dubbed|headlined|so-called|known as)\s*$/i.test(before)) return null;

    // 1. after the quotation, in the rest of its sentence
    const afterEnd = Math.min(sEnd, nextQ ? nextQ.open : sEnd);
    const after = this.text.slice(q.close, afterEnd);
    const direct = /^[\s,—–-]*/.exec(after)![0].length;
    const a0 = q.close + direct;
    const afterText = this.text.slice(a0, afterEnd);
    const vm = this.verbAtStart.exec(afterText);
    if (vm) {
      const p = this.referentAt(a0 + vm[0].length, afterEnd);
      if (p) return p;
    }
    const subjVerb = /^((?:he|she|He|She)|[^,;.]{1,60}?)\s+(\p{Ll}+)\b/u.exec(afterText);
    if (subjVerb && this.verbAtStart.test(subjVerb[2]!)) {
      const p = this.referentAt(a0, a0 + subjVerb[1]!.length + 1);
      if (p) return p;
    }
    for (const v of this.verbs(q.close, afterEnd, paraQuotes)) {
      if (!/,\s*$/.test(this.text.slice(q.close, v.at))) continue;
      const p = this.referentAt(v.end, afterEnd) ?? this.subjectBefore(q.close, v.at);
      if (p) return p;
    }
    // 2. a colon introducing the quotation
    if (/:\s*$/.test(before)) {
      const ms = this.people.mentionsIn(Math.max(beforeFrom, q.open - 160), q.open);
      if (ms.length) return ms[ms.length - 1]!.person;
    }
    // 3. a speech verb before it: its subject, or an inverted "according to X"
    const vs = this.verbs(beforeFrom, q.open, paraQuotes);
    for (let k = vs.length - 1; k >= 0; k--) {
      const v = vs[k]!;
      const p = this.subjectBefore(sentence.start, v.at) ?? this.referentAt(v.end, q.open);
      if (p) return p;
    }
    // 4. the speaker's own document
    const docBefore = this.text.slice(sentence.start, q.open);
    const quotedWords = this.text.slice(q.start, q.end).split(/\s+/).length;
    for (const m of quotedWords < 4 ? [] : this.people.mentionsIn(sentence.start, q.open).reverse()) {
      if (this.docRe.test(docBefore.slice(m.end - sentence.start, m.end - sentence.start + 40))) return m.person;
    }
    // 5. continuing the previous quotation
    if (prevQ && prevQ.close > sentence.start && done.get(prevQ)) return done.get(prevQ)!;
    if (prevQ && /^\s*$/.test(this.text.slice(sentence.start, q.open)) && done.get(prevQ)) {
      if (q.open - prevQ.close < 200) return done.get(prevQ)!;
    }
    return null;
  }
}
