/**
 * References to the treaty's articles: explicit ("Article 4", "Art. 4", "Articles 18–20",
 * "Articles 10 and 11", "the fourth article", "the preamble") and implicit through the
 * clause nicknames kept with the treaty (`- aliases:` lines of the treaty file).
 *
 * A reference is dropped when it points into another instrument: "Article 51 of the UN
 * Charter", or a nickname in a clause that names a state which is not a party or another
 * treaty ("China also has a mutual defense pact…", "the 2000 treaty omitted a mutual defense
 * clause").
 */
import type { TreatyFile } from '../language/index.js';
import { romanToArabic } from '../language/index.js';
import type { Lexicon } from './lexicon.js';
import type { Sentence } from './segment.js';

export interface FoundRef {
  article: string;
  kind: 'explicit' | 'implicit';
  span: string;
  start: number;
  end: number;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth',
  'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second', 'twenty-third',
  'twenty-fourth', 'twenty-fifth'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Spelling variants of a nickname: defence/defense, hyphens or spaces, optional plural. */
function aliasPattern(alias: string): string {
  return alias
    .split(/\s+/)
    .map((w) => esc(w).replace(/defen[cs]e/i, 'defen[cs]e').replace(/-/g, '[-\\s]'))
    .join('[\\s-]+') + 's?';
}

export class ArticleFinder {
  private readonly keys: Set<string>;
  private readonly aliases: { article: string; re: RegExp }[];
  private readonly foreign: RegExp[];
  private readonly treatyYear: string | null;

  constructor(private readonly treaty: TreatyFile, lex: Lexicon) {
    this.keys = new Set(treaty.articles.map((a) => a.key));
    const count = treaty.meta.articleCount;
    if (count) for (let i = 1; i <= count; i++) this.keys.add(String(i));
    this.aliases = treaty.articles.flatMap((a) => a.aliases.map((al) => ({ article: a.key, al })))
      .sort((x, y) => y.al.length - x.al.length)
      .map(({ article, al }) => ({ article, re: new RegExp(`\\b${aliasPattern(al)}\\b`, 'gi') }));
    const nonParties = Object.entries(lex.countries).filter(([code]) => !treaty.meta.parties.includes(code)).flatMap(([, names]) => names);
    this.foreign = [new RegExp(`\\b(?:${nonParties.map(esc).join('|')})\\b`), ...lex.otherTreatyMarkers];
    this.treatyYear = treaty.meta.signed.date?.slice(0, 4) ?? null;
  }

  /** Does the clause around [start,end) in the sentence speak about another instrument? */
  foreignContext(s: Sentence, start: number, end: number): boolean {
    const rel = start - s.start;
    const text = s.text;
    const left = Math.max(text.lastIndexOf(',', rel), text.lastIndexOf(';', rel), text.lastIndexOf('(', rel), text.lastIndexOf('—', rel), text.lastIndexOf(':', rel));
    const relEnd = end - s.start;
    const rights = [',', ';', ')', '—', ':'].map((c) => text.indexOf(c, relEnd)).filter((x) => x >= 0);
    const right = rights.length ? Math.min(...rights) : text.length;
    // the clause, but no more than ten words either side of the reference
    const leftWords = text.slice(left + 1, rel).split(/\s+/);
    const rightWords = text.slice(relEnd, right).split(/\s+/);
    const clause = [...leftWords.slice(-11), '…', ...rightWords.slice(0, 11)].join(' ');
    const withoutYear = this.treatyYear ? clause.replace(new RegExp(`\\b${this.treatyYear}\\b`, 'g'), '') : clause;
    return this.foreign.some((re) => re.test(withoutYear));
  }

  /** Every treaty word in the sentence sits in a clause about another instrument. */
  aboutOtherTreaty(s: Sentence): boolean {
    const hits = [...s.text.matchAll(/\b(treaty|pact|agreement|accord|deal)\b/gi)];
    return hits.length > 0 && hits.every((m) => this.foreignContext(s, s.start + m.index!, s.start + m.index! + m[0].length));
  }

  find(s: Sentence): FoundRef[] {
    const out: FoundRef[] = [];
    const text = s.text;
    const taken: [number, number][] = [];
    const push = (article: string, kind: FoundRef['kind'], a: number, b: number) => {
      out.push({ article, kind, span: text.slice(a, b), start: s.start + a, end: s.start + b });
      taken.push([a, b]);
    };
    const num = '(?:\\d+|[IVXLC]+)\\b';
    const re = new RegExp(`\\b(?:Articles?|Arts?\\.)\\s+(${num}(?:\\s*(?:,|and|&|or|to|through|[–—-])\\s*${num})*)`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (/^\s+of\s+(?!(?:the|this)\s+(?:new\s+)?(?:treaty|pact|agreement|accord))/i.test(tail)) continue; // "Article 51 of the UN Charter"
      const nums: number[] = [];
      const parts = m[1]!.split(/\s*(,|and|&|or|to|through|[–—-])\s*/);
      for (let k = 0; k < parts.length; k += 2) {
        const v = romanToArabic(parts[k]!);
        if (v === null) continue;
        const sep = parts[k - 1];
        const prev = nums[nums.length - 1];
        if (sep && /^(to|through|[–—-])$/.test(sep) && prev !== undefined && v > prev && v - prev < 30) for (let x = prev + 1; x <= v; x++) nums.push(x);
        else nums.push(v);
      }
      const valid = nums.filter((n) => this.keys.has(String(n)));
      for (const n of [...new Set(valid)]) push(String(n), 'explicit', m.index, m.index + m[0].length);
    }
    const ord = new RegExp(`\\b(?:the|its|this)\\s+(${ORDINALS.join('|')}|final|last)\\s+article\\b`, 'gi');
    for (let m = ord.exec(text); m; m = ord.exec(text)) {
      const w = m[1]!.toLowerCase();
      const n = w === 'final' || w === 'last' ? this.treaty.meta.articleCount ?? 0 : ORDINALS.indexOf(w) + 1;
      if (this.keys.has(String(n))) push(String(n), 'explicit', m.index, m.index + m[0].length);
    }
    if (this.keys.has('preamble')) {
      const pre = /\b(?:the|its|this|treaty['’]s)\s+preamble\b/gi;
      for (let m = pre.exec(text); m; m = pre.exec(text)) push('preamble', 'explicit', m.index, m.index + m[0].length);
    }
    for (const { article, re: are } of this.aliases) {
      are.lastIndex = 0;
      for (let m = are.exec(text); m; m = are.exec(text)) {
        const a = m.index;
        const b = a + m[0].length;
        if (taken.some(([x, y]) => a < y && b > x)) continue;
        if (this.foreignContext(s, s.start + a, s.start + b)) continue;
        push(article, 'implicit', a, b);
      }
    }
    return out.sort((x, y) => x.start - y.start || Number(x.article) - Number(y.article));
  }
}
