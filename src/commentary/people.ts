/**
 * People in a document: who is named, by which full name, with which role or affiliation,
 * and which person each later reference means.
 *
 * A run of capitalised words is a person's name when a title or role precedes it
 * ("former Russian diplomat Georgy Toloraya"), when it stands beside reported speech, an
 * appositive (", a professor at …") or "of/from <Organisation>", or when it is a well-known
 * name from the lexicon. Single words ("Kim", "Easley") are resolved to the person with that
 * family name who was mentioned most recently before them, so two people who share a
 * surname are told apart by context; the lexicon's well-known people are used only when the
 * document never gives a matching full name. Role phrases ("the Russian President"),
 * pronouns and "the latter/the former" are resolved on demand by `PeopleIndex`.
 */
import type { Lexicon } from './lexicon.js';
import type { Span } from './segment.js';

export interface Person {
  id: number;
  name: string;
  norm: string;
  keys: Set<string>;
  role: string | null;
  affiliation: string | null;
  fromLexicon: boolean;
}

export interface Mention extends Span {
  person: Person;
  /** the role phrase written just before this mention, if any */
  role?: string;
  kind: 'full' | 'short' | 'title';
  inQuote: boolean;
}

interface Token extends Span {
  text: string;
  possessive: boolean;
}

export const normName = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
const isCap = (t: string) => /^\p{Lu}/u.test(t);

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let t = m[0];
    let possessive = false;
    if (/[’']s$/.test(t)) { t = t.slice(0, -2); possessive = true; }
    else if (/[’']$/.test(t)) { t = t.slice(0, -1); possessive = true; }
    if (t.endsWith('.') && !/\.\p{L}/u.test(t)) t = t.slice(0, -1);
    t = t.replace(/-+$/, '');
    if (!t) continue;
    out.push({ text: t, start: m.index, end: m.index + t.length, possessive });
  }
  return out;
}

export class PeopleIndex {
  readonly persons: Person[] = [];
  readonly mentions: Mention[] = [];
  private readonly tokens: Token[];

  constructor(private readonly text: string, private readonly lex: Lexicon, private readonly quoteSpans: Span[], private readonly sentenceOf: (i: number) => Span) {
    this.tokens = tokenize(text);
    this.build();
  }

  private inQuote(i: number): boolean {
    return this.quoteSpans.some((q) => i >= q.start && i < q.end);
  }

  private roleWord(t: string): boolean {
    const l = t.toLowerCase();
    return this.lex.titles.has(l) || this.lex.roleModifiers.has(l) || this.lex.nationalities.some((n) => n.split(' ').includes(l));
  }

  /** Groups of capitalised tokens separated by single spaces. */
  private runs(): Token[][] {
    const runs: Token[][] = [];
    let cur: Token[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      const prev = cur[cur.length - 1];
      const joined = prev && !prev.possessive && this.text.slice(prev.end, t.start) === ' ' && !prev.text.endsWith('.');
      if (isCap(t.text) && (joined || !prev)) cur.push(t);
      else {
        if (cur.length) runs.push(cur);
        cur = isCap(t.text) ? [t] : [];
      }
    }
    if (cur.length) runs.push(cur);
    return runs;
  }

  private add(name: string, fromLexicon: boolean): Person {
    const norm = normName(name);
    const found = this.persons.find((p) => p.norm === norm);
    if (found) return found;
    const parts = name.split(/\s+/);
    const keys = new Set<string>([parts[parts.length - 1]!]);
    if (parts.length > 1 && this.lex.familyNameFirst.has(parts[0]!)) keys.add(parts[0]!);
    const p: Person = { id: this.persons.length, name, norm, keys, role: null, affiliation: null, fromLexicon };
    this.persons.push(p);
    return p;
  }

  /** The role phrase right before token index `i` ("former Russian diplomat"), if it has a title. */
  private rolePrefix(i: number): { text: string; start: number } | null {
    let k = i - 1;
    let start = -1;
    let hasTitle = false;
    while (k >= 0) {
      const t = this.tokens[k]!;
      const gap = this.text.slice(t.end, this.tokens[k + 1]!.start);
      if (gap !== ' ' || t.possessive) break;
      const l = t.text.toLowerCase();
      if (this.roleWord(t.text)) {
        if (this.lex.titles.has(l)) hasTitle = true;
        start = t.start;
        k--;
        continue;
      }
      // "Advisor to the President": connectors between two role phrases
      if ((l === 'the' || l === 'to' || l === 'of') && k >= 1 && start >= 0) {
        let j = k;
        while (j >= 0 && ['the', 'to', 'of'].includes(this.tokens[j]!.text.toLowerCase())) j--;
        if (j >= 0 && this.lex.titles.has(this.tokens[j]!.text.toLowerCase())) { k = j; continue; }
      }
      break;
    }
    if (!hasTitle || start < 0) return null;
    return { text: this.text.slice(start, this.tokens[i]!.start).trim(), start };
  }

  private hasPersonContext(first: Token, last: Token): boolean {
    const after = this.text.slice(last.end, last.end + 60);
    if (/^(['’]s)?\s*,\s*(a|an|the|who|whose)\s/.test(after)) return true;
    if (/^\s+(of|from|at)\s+(the\s+)?\p{Lu}/u.test(after)) return true;
    if (/^\s+is\s+(a|an)\s/.test(after)) return true;
    const s = this.sentenceOf(first.start);
    const win = this.text.slice(Math.max(s.start, first.start - 30), Math.min(s.end, last.end + 30));
    this.lex.speechVerbRe.lastIndex = 0;
    return this.lex.speechVerbRe.test(win);
  }

  private build(): void {
    const lex = this.lex;
    const full: { first: number; last: number; person: Person; role: string | null }[] = [];
    const tokIndex = new Map<Token, number>();
    this.tokens.forEach((t, i) => tokIndex.set(t, i));
    const lexiconByNorm = new Map<string, string>();
    for (const p of lex.people) for (const a of [p.name, ...p.aliases]) if (a.includes(' ')) lexiconByNorm.set(normName(a), p.name);

    for (const run of this.runs()) {
      let toks = run;
      while (toks.length && lex.notNameWords.has(toks[0]!.text)) toks = toks.slice(1);
      // strip titles and nationalities inside the run ("Russian President Vladimir Putin")
      let lastRole = -1;
      for (let i = 0; i < toks.length - 1; i++) if (this.roleWord(toks[i]!.text)) { if (lex.titles.has(toks[i]!.text.toLowerCase()) || lastRole === i - 1) lastRole = i; } else break;
      let titleInRun = false;
      if (lastRole >= 0 && toks.slice(0, lastRole + 1).some((t) => lex.titles.has(t.text.toLowerCase()))) { toks = toks.slice(lastRole + 1); titleInRun = true; }
      // words like "Moscow" or "Center" end a name: keep the longest name-like prefix
      const cut = toks.findIndex((t) => lex.nonPersonHeads.has(t.text) || lex.notNameWords.has(t.text));
      if (cut >= 0) continue;
      if (toks.length < 2 || toks.length > 4) continue;
      if (toks.some((t) => this.roleWord(t.text))) continue; // "Russian President", "National Security" 
      const name = toks.map((t) => t.text).join(' ');
      const firstIdx = tokIndex.get(toks[0]!)!;
      const role = this.rolePrefix(firstIdx);
      const lexName = lexiconByNorm.get(normName(name));
      const known = lex.people.some((p) => normName(p.name) === normName(name));
      if (!(titleInRun || role || lexName || known || this.hasPersonContext(toks[0]!, toks[toks.length - 1]!))) continue;
      const person = this.add(name, false);
      full.push({ first: firstIdx, last: tokIndex.get(toks[toks.length - 1]!)!, person, role: role?.text ?? null });
    }
    // variant spellings of one person ("Kim Jong Un", "Kim Jong-un") share a norm; lexicon
    // aliases join variants that differ more
    for (const f of full) {
      const canonical = lexiconByNorm.get(f.person.norm);
      if (!canonical) continue;
      const other = this.persons.find((p) => p !== f.person && lexiconByNorm.get(p.norm) === canonical);
      if (other && other.id < f.person.id) f.person = other;
    }
    const covered = new Set<number>();
    for (const f of full) {
      for (let i = f.first; i <= f.last; i++) covered.add(i);
      const a = this.tokens[f.first]!;
      const b = this.tokens[f.last]!;
      this.mentions.push({ start: a.start, end: b.end, person: f.person, kind: 'full', inQuote: this.inQuote(a.start), ...(f.role ? { role: f.role } : {}) });
      if (f.role && !f.person.role) f.person.role = f.role;
    }
    // single-word references: family names of people named in the document, then well-known names
    const byKey = (key: string) => this.persons.filter((p) => p.keys.has(key));
    const pending: { tok: Token; idx: number }[] = [];
    this.tokens.forEach((t, i) => {
      if (covered.has(i) || !isCap(t.text) || lex.notNameWords.has(t.text)) return;
      if (byKey(t.text).length) { pending.push({ tok: t, idx: i }); return; }
      const known = lex.people.find((p) => p.aliases.includes(t.text));
      if (known) {
        const person = this.add(known.name, true);
        person.keys.add(t.text);
        pending.push({ tok: t, idx: i });
      }
    });
    // resolve in document order so each resolution counts as the latest mention of its person
    this.mentions.sort((x, y) => x.start - y.start);
    for (const { tok } of pending) {
      const cands = byKey(tok.text);
      const person = this.mostRecent(cands, tok.start) ?? cands.filter((p) => !p.fromLexicon).sort((x, y) => this.firstMention(x) - this.firstMention(y))[0] ?? cands[0]!;
      this.insertMention({ start: tok.start, end: tok.end, person, kind: 'short', inQuote: this.inQuote(tok.start) });
    }
    this.findAffiliations();
    this.findTitleMentions();
  }

  private firstMention(p: Person): number {
    return this.mentions.find((m) => m.person === p)?.start ?? Infinity;
  }

  private insertMention(m: Mention): void {
    let i = this.mentions.length;
    while (i > 0 && this.mentions[i - 1]!.start > m.start) i--;
    this.mentions.splice(i, 0, m);
  }

  /** The candidate mentioned last before `pos`. */
  private mostRecent(cands: Person[], pos: number): Person | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start < pos && cands.includes(m.person)) return m.person;
    }
    return null;
  }

  private findAffiliations(): void {
    for (const m of this.mentions) {
      const p = m.person;
      if (p.affiliation || m.inQuote) continue;
      const s = this.sentenceOf(m.start);
      const after = this.text.slice(m.end, s.end);
      const app = /^(?:['’]s)?,\s+(?:who\s+is\s+(?:now\s+|currently\s+|also\s+)?)?((?:a|an|the)\s+[^,;]+?)\s*(?:,|;|\.?\s*$)/.exec(after);
      // "of the Stimson Center", "from the James Martin Center for Nonproliferation Studies"
      const org = /^\s+(?:of|from|at)\s+((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:(?:for|of|on|and|the)\s+)*\p{Lu}[\p{L}.'’-]*)*)/u.exec(after);
      const byline = /^\s+is\s+((?:a|an)\s+[^;]+?)\s*\.?\s*$/.exec(after);
      const found = m.role ?? app?.[1] ?? org?.[1]?.replace(/^the\s+/, '') ?? byline?.[1] ?? null;
      if (found && found.split(/\s+/).length <= 16) p.affiliation = found;
    }
    for (const p of this.persons) if (!p.affiliation && p.role) p.affiliation = p.role;
  }

  /** "the Russian President", "the lawmaker": a role given earlier to a named person. */
  private findTitleMentions(): void {
    const withRole = this.persons.filter((p) => p.role);
    if (!withRole.length) return;
    const re = /\b[Tt]he\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)\b(?!\s+\p{Lu})/gu;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const head = m[2]!.toLowerCase();
      if (!this.lex.titles.has(head)) continue;
      const words = (m[1]! + m[2]!).toLowerCase().trim();
      const cands = withRole.filter((p) => p.role!.toLowerCase().endsWith(head));
      const exact = cands.filter((p) => p.role!.toLowerCase().endsWith(words));
      const pool = exact.length ? exact : cands;
      if (!pool.length) continue;
      const person = this.mostRecent(pool, m.index) ?? pool[0]!;
      if (this.mentions.some((x) => x.start <= m!.index + m![0].length && x.end >= m!.index)) continue;
      this.insertMention({ start: m.index, end: m.index + m[0].length, person, kind: 'title', inQuote: this.inQuote(m.index) });
    }
  }

  /** Mentions starting in [start, end). */
  mentionsIn(start: number, end: number): Mention[] {
    return this.mentions.filter((m) => m.start >= start && m.start < end);
  }

  /** Whom a pronoun at `pos` refers to: the person mentioned last before it, outside quotations. */
  resolvePronoun(pos: number): Person | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.start < pos && !m.inQuote) return m.person;
    }
    return null;
  }

  /** "the latter" (most recent distinct person) or "the former" (the one before). */
  resolveLatter(pos: number, which: 'latter' | 'former'): Person | null {
    const seen: Person[] = [];
    for (let i = this.mentions.length - 1; i >= 0 && seen.length < 2; i--) {
      const m = this.mentions[i]!;
      if (m.start < pos && !m.inQuote && !seen.includes(m.person)) seen.push(m.person);
    }
    return (which === 'latter' ? seen[0] : seen[1]) ?? null;
  }
}
