/**
 * Parser for the rule language inside ```casus blocks.
 *
 * The language is line-oriented, in the spirit of L4's `PARTY … MUST … WITHIN`:
 *
 *   obligation assist "Military and other assistance"      <- statement header, column 1
 *     bearer each party                                    <- clauses, indented
 *     counterparty other party
 *     action provide-military-assistance
 *     when armed_attack where on = counterparty
 *       and territory in territory-of(counterparty)        <- deeper indent continues a clause
 *     [art4.state-of-war] when declaration_of_war where on = counterparty   <- guarded by a reading
 *     within immediately "immediately"
 *
 * Stage 1 (lexLines) turns text into logical lines of tokens with exact positions;
 * stage 2 (parseBlock) is recursive descent over those tokens. Names are not checked here:
 * check.ts does that with the whole treaty in view.
 */
import type {
  AssumeDecl,
  CompareOp,
  Cond,
  Deadline,
  Duration,
  DurationDecl,
  DurationUnit,
  EntryIntoForceDecl,
  EventPattern,
  Loc,
  Modality,
  PartyRef,
  ReadingDecl,
  RuleClause,
  RuleDecl,
  Statement,
  SupersedesDecl,
  TerminationDecl,
  TimePoint,
  Value,
} from './ast.js';
import { romanToArabic } from './ast.js';
import { CasusError, didYouMean } from './diagnostics.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'punct';
export interface Token {
  kind: TokenKind;
  text: string; // for strings: the unescaped value
  line: number;
  col: number;
}

interface LogicalLine {
  indent: number;
  tokens: Token[];
  line: number;
  /** text of a `#` comment on this line, without the '#' */
  comment: string | null;
}

const PUNCT = ['!=', '=', '(', ')', '[', ']', ',', ':'];
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_.\-]/;

/** Split block text into physical lines of tokens. `firstLine` is the file line of the text's first line. */
export function lexLines(text: string, file: string, firstLine: number): LogicalLine[] {
  const out: LogicalLine[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    const src = raw.replace(/\r$/, '');
    const tokens: Token[] = [];
    let comment: string | null = null;
    let p = 0;
    if (/\t/.test(src.match(/^\s*/)![0])) throw err(file, line, 1, 'tabs are not allowed for indentation; use spaces');
    while (p < src.length) {
      const ch = src[p]!;
      const col = p + 1;
      if (ch === ' ') {
        p++;
        continue;
      }
      if (ch === '#') {
        comment = src.slice(p + 1).trim();
        break;
      }
      if (ch === '"') {
        let value = '';
        p++;
        let closed = false;
        while (p < src.length) {
          const c = src[p]!;
          if (c === '\\') {
            const n = src[p + 1];
            if (n === '"' || n === '\\') {
              value += n;
              p += 2;
              continue;
            }
            if (n === 'n') {
              value += '\n';
              p += 2;
              continue;
            }
            throw err(file, line, p + 1, `unknown escape '\\${n ?? ''}' in string; use \\" \\\\ or \\n`);
          }
          if (c === '"') {
            closed = true;
            p++;
            break;
          }
          value += c;
          p++;
        }
        if (!closed) throw err(file, line, col, 'unterminated string: expected a closing "');
        tokens.push({ kind: 'string', text: value, line, col });
        continue;
      }
      const date = /^\d{4}-\d{2}-\d{2}(?![\w-])/.exec(src.slice(p));
      if (date) {
        tokens.push({ kind: 'date', text: date[0], line, col });
        p += date[0].length;
        continue;
      }
      const num = /^\d+(?![A-Za-z_])/.exec(src.slice(p));
      if (num) {
        tokens.push({ kind: 'number', text: num[0], line, col });
        p += num[0].length;
        continue;
      }
      if (IDENT_START.test(ch)) {
        let q = p + 1;
        while (q < src.length && IDENT_CHAR.test(src[q]!)) q++;
        // a trailing '.' or '-' belongs to punctuation, not to the name
        while (q > p + 1 && /[.\-]/.test(src[q - 1]!)) q--;
        tokens.push({ kind: 'ident', text: src.slice(p, q), line, col });
        p = q;
        continue;
      }
      const punct = PUNCT.find((x) => src.startsWith(x, p));
      if (punct) {
        tokens.push({ kind: 'punct', text: punct, line, col });
        p += punct.length;
        continue;
      }
      throw err(file, line, col, `unexpected character '${ch}'`);
    }
    if (tokens.length > 0 || comment !== null) out.push({ indent: src.length - src.trimStart().length, tokens, line, comment });
  });
  return out;
}

function err(file: string, line: number, col: number, message: string): CasusError {
  return new CasusError([{ file, line, col, severity: 'error', message }]);
}

export const STATEMENT_KEYWORDS = ['obligation', 'permission', 'prohibition', 'reading', 'assume', 'entry-into-force', 'termination', 'withdrawal', 'duration', 'supersedes'];
export const RULE_CLAUSES = ['bearer', 'counterparty', 'action', 'when', 'if', 'unless', 'within', 'qualifier', 'from', 'until', 'fulfilled-by', 'violated-by', 'see', 'inoperative', 'note'];
const READING_CLAUSES = ['question', 'default', 'held-by', 'summary'];
const EIF_CLAUSES = ['requires', 'when', 'delay'];
const TERMINATION_CLAUSES = ['when', 'notice', 'not-before'];
const UNITS: Record<string, DurationUnit> = { day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year' };
const VALUE_FUNCTIONS = ['territory-of', 'administered-by', 'region', 'attackers-of'];

/** A cursor over the tokens of one clause (possibly spanning continuation lines). */
class Cursor {
  pos = 0;
  constructor(
    readonly tokens: Token[],
    readonly file: string,
    /** where to point when the clause ends too early */
    readonly end: { line: number; col: number },
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  next(): Token | undefined {
    return this.tokens[this.pos++];
  }
  fail(expected: string, hint = ''): never {
    const t = this.peek();
    if (!t) throw err(this.file, this.end.line, this.end.col, `expected ${expected}, found end of line${hint}`);
    const found = t.kind === 'string' ? `string "${t.text}"` : `'${t.text}'`;
    throw err(this.file, t.line, t.col, `expected ${expected}, found ${found}${hint}`);
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.kind === 'ident' && t.text === word;
  }
  isPunct(p: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'punct' && t.text === p;
  }
  word(word: string): Token {
    if (!this.isWord(word)) this.fail(`'${word}'`);
    return this.next()!;
  }
  punct(p: string): Token {
    if (!this.isPunct(p)) this.fail(`'${p}'`);
    return this.next()!;
  }
  ident(what: string): Token {
    const t = this.peek();
    if (!t || t.kind !== 'ident') this.fail(what);
    return this.next()!;
  }
  string(what: string): string {
    const t = this.peek();
    if (!t || t.kind !== 'string') this.fail(what);
    return this.next()!.text;
  }
  optString(): string | null {
    const t = this.peek();
    if (t && t.kind === 'string') {
      this.pos++;
      return t.text;
    }
    return null;
  }
  number(what: string): number {
    const t = this.peek();
    if (!t || t.kind !== 'number') this.fail(what);
    return Number(this.next()!.text);
  }
  done(): void {
    if (!this.atEnd()) this.fail('end of line');
  }
  loc(t: Token): Loc {
    return { file: this.file, line: t.line, col: t.col };
  }
}

interface RawClause {
  cursor: Cursor;
  first: Token;
  /** comment lines above the clause and a trailing comment on it */
  comments: string[];
}

/** Group logical lines into statements (header at column 1) and clauses (indented). */
function groupStatements(lines: LogicalLine[], file: string): { header: RawClause; clauses: RawClause[] }[] {
  const out: { header: RawClause; clauses: RawClause[] }[] = [];
  let clauseIndent = -1;
  let pending: string[] = []; // comment lines waiting for the next statement or clause
  const cursorFor = (tokens: Token[]) => {
    const last = tokens[tokens.length - 1]!;
    return new Cursor(tokens, file, { line: last.line, col: last.col + (last.kind === 'string' ? last.text.length + 2 : last.text.length) });
  };
  for (const l of lines) {
    const first = l.tokens[0];
    if (!first) {
      pending.push(l.comment ?? '');
      continue;
    }
    const comments = [...pending, ...(l.comment !== null ? [l.comment] : [])];
    pending = [];
    if (l.indent === 0) {
      out.push({ header: { cursor: cursorFor(l.tokens), first, comments }, clauses: [] });
      clauseIndent = -1;
      continue;
    }
    const current = out[out.length - 1];
    if (!current) throw err(file, l.line, first.col, `expected a statement (${STATEMENT_KEYWORDS.join(', ')}) at column 1, found an indented line`);
    if (clauseIndent < 0) clauseIndent = l.indent;
    if (l.indent === clauseIndent) {
      current.clauses.push({ cursor: cursorFor(l.tokens), first, comments });
    } else if (l.indent > clauseIndent) {
      const prev = current.clauses[current.clauses.length - 1];
      if (!prev) throw err(file, l.line, first.col, 'unexpected continuation line');
      // continuation: the clause goes on
      const tokens = [...prev.cursor.tokens, ...l.tokens];
      prev.cursor = cursorFor(tokens);
      prev.comments.push(...comments);
    } else {
      throw err(file, l.line, first.col, `inconsistent indentation: expected ${clauseIndent} spaces (like the clauses above) or a statement at column 1`);
    }
  }
  const last = out[out.length - 1];
  if (pending.length && last) (last.clauses[last.clauses.length - 1] ?? last.header).comments.push(...pending);
  return out;
}

/** Parse the text of one ```casus block. */
export function parseBlock(text: string, file: string, firstLine: number): Statement[] {
  const statements: Statement[] = [];
  for (const { header, clauses } of groupStatements(lexLines(text, file, firstLine), file)) {
    const c = header.cursor;
    const kw = c.peek()!;
    if (kw.kind !== 'ident' || !STATEMENT_KEYWORDS.includes(kw.text))
      c.fail(`a statement (${STATEMENT_KEYWORDS.join(', ')})`, kw.kind === 'ident' ? didYouMean(kw.text, STATEMENT_KEYWORDS) : '');
    c.next();
    const loc = c.loc(kw);
    const before = statements.length;
    switch (kw.text) {
      case 'obligation':
      case 'permission':
      case 'prohibition':
        statements.push(parseRule(kw.text as Modality, c, clauses, loc));
        break;
      case 'reading':
        statements.push(parseReading(c, clauses, loc));
        break;
      case 'assume':
        statements.push(parseAssume(c, clauses, loc));
        break;
      case 'entry-into-force':
        statements.push(parseEntryIntoForce(c, clauses, loc));
        break;
      case 'termination':
        statements.push(parseTermination(c, clauses, loc));
        break;
      case 'withdrawal':
        statements.push({ ...parseTermination(c, clauses, loc, 'withdrawal'), kind: 'withdrawal' });
        break;
      case 'duration':
        statements.push(parseDurationDecl(c, clauses, loc));
        break;
      case 'supersedes':
        statements.push(parseSupersedes(c, clauses, loc));
        break;
    }
    // comments are kept: on the statement, or on each rule clause (other statements' clause comments move up)
    const stmt = statements[before]!;
    const moved = stmt.kind === 'rule' ? [] : clauses.flatMap((x) => x.comments);
    const all = [...header.comments, ...moved];
    if (all.length) stmt.comments = all;
  }
  return statements;
}

function noClauses(keyword: string, clauses: RawClause[]): void {
  const first = clauses[0];
  if (first) throw err(first.cursor.file, first.first.line, first.first.col, `'${keyword}' takes no indented clauses`);
}

function clauseKeyword(rc: RawClause, allowed: string[], owner: string): Token {
  const t = rc.cursor.peek();
  if (!t || t.kind !== 'ident' || !allowed.includes(t.text))
    rc.cursor.fail(`a clause of ${owner} (${allowed.join(', ')})`, t && t.kind === 'ident' ? didYouMean(t.text, allowed) : '');
  return rc.cursor.next()!;
}

function parseRule(modality: Modality, c: Cursor, raw: RawClause[], loc: Loc): RuleDecl {
  const name = c.ident('a rule name (e.g. assist)').text;
  const title = c.optString();
  c.done();
  const clauses: RuleClause[] = [];
  for (const rc of raw) {
    const cur: Cursor = rc.cursor;
    let guard: string[] | null = null;
    if (cur.isPunct('[')) {
      cur.next();
      guard = [cur.ident('a reading id').text];
      while (cur.isPunct(',')) {
        cur.next();
        guard.push(cur.ident('a reading id').text);
      }
      cur.punct(']');
    }
    const kw = clauseKeyword(rc, RULE_CLAUSES, `an ${modality === 'obligation' ? 'obligation' : modality}`);
    const at = cur.loc(kw);
    const base = { guard, loc: at };
    let clause: RuleClause;
    switch (kw.text) {
      case 'bearer':
        clause = { ...base, clause: 'bearer', party: parseParty(cur) };
        break;
      case 'counterparty':
        clause = { ...base, clause: 'counterparty', party: parseParty(cur) };
        break;
      case 'action':
        clause = { ...base, clause: 'action', name: cur.ident('an action name in kebab-case (e.g. provide-military-assistance)').text };
        break;
      case 'when':
        clause = { ...base, clause: 'when', event: parseEventPattern(cur) };
        break;
      case 'fulfilled-by':
        clause = { ...base, clause: 'fulfilled-by', event: parseEventPattern(cur) };
        break;
      case 'violated-by':
        clause = { ...base, clause: 'violated-by', event: parseEventPattern(cur) };
        break;
      case 'if':
        clause = { ...base, clause: 'if', cond: parseCond(cur) };
        break;
      case 'unless':
        clause = { ...base, clause: 'unless', cond: parseCond(cur) };
        break;
      case 'within':
        clause = { ...base, clause: 'within', deadline: parseDeadline(cur), text: cur.optString() };
        break;
      case 'qualifier':
        clause = { ...base, clause: 'qualifier', name: cur.ident('a qualifier name (e.g. all-means)').text, text: cur.optString() };
        break;
      case 'from':
        clause = { ...base, clause: 'from', point: parseTimePoint(cur) };
        break;
      case 'until':
        clause = { ...base, clause: 'until', point: parseTimePoint(cur) };
        break;
      case 'see': {
        cur.word('article');
        const t = cur.peek();
        if (!t || (t.kind !== 'number' && t.kind !== 'ident') || romanToArabic(t.text) === null) cur.fail('an article number (4 or IV)');
        cur.next();
        clause = { ...base, clause: 'see', article: String(romanToArabic(t.text)) };
        break;
      }
      case 'inoperative':
        clause = { ...base, clause: 'inoperative', text: cur.optString() };
        break;
      default: // note
        clause = { ...base, clause: 'note', text: cur.string('a quoted note') };
    }
    cur.done();
    if (rc.comments.length) clause.comments = rc.comments;
    clauses.push(clause);
  }
  return { kind: 'rule', modality, name, title, clauses, loc };
}

function parseParty(c: Cursor): PartyRef {
  const t = c.ident("'each party', 'other party' or a state code (e.g. RUS)");
  if (t.text === 'each' || t.text === 'other') {
    c.word('party');
    return { kind: t.text };
  }
  if (/^[A-Z]{3}$/.test(t.text)) return { kind: 'state', code: t.text };
  c.pos--;
  return c.fail("'each party', 'other party' or a state code (e.g. RUS)");
}

function parseEventPattern(c: Cursor): EventPattern {
  const t = c.ident('an event type (e.g. armed_attack)');
  let where: Cond | null = null;
  if (c.isWord('where')) {
    c.next();
    where = parseCond(c);
  }
  return { type: t.text, where, loc: c.loc(t) };
}

function parseCond(c: Cursor): Cond {
  const items = [parseAnd(c)];
  while (c.isWord('or')) {
    c.next();
    items.push(parseAnd(c));
  }
  return items.length === 1 ? items[0]! : { kind: 'or', items };
}

function parseAnd(c: Cursor): Cond {
  const items = [parseNot(c)];
  while (c.isWord('and')) {
    c.next();
    items.push(parseNot(c));
  }
  return items.length === 1 ? items[0]! : { kind: 'and', items };
}

function parseNot(c: Cursor): Cond {
  if (c.isWord('not')) {
    c.next();
    return { kind: 'not', item: parseNot(c) };
  }
  if (c.isPunct('(')) {
    c.next();
    const inner = parseCond(c);
    c.punct(')');
    return inner;
  }
  if (c.isWord('reading')) {
    const t = c.next()!;
    return { kind: 'reading', id: c.ident('a reading id').text, loc: c.loc(t) };
  }
  const field = c.ident("a condition (an event field such as 'on', 'reading ID', 'not …' or '(')");
  let op: CompareOp;
  if (c.isPunct('=') || c.isPunct('!=')) op = c.next()!.text as CompareOp;
  else if (c.isWord('in')) {
    c.next();
    op = 'in';
  } else if (c.isWord('not') && c.isWord('in', 1)) {
    c.pos += 2;
    op = 'not in';
  } else c.fail("'=', '!=', 'in' or 'not in'");
  return { kind: 'compare', field: field.text, op, value: parseValue(c), loc: c.loc(field) };
}

function parseValue(c: Cursor): Value {
  if (c.isPunct('[')) {
    c.next();
    const items = [parseValue(c)];
    while (c.isPunct(',')) {
      c.next();
      items.push(parseValue(c));
    }
    c.punct(']');
    return { kind: 'list', items };
  }
  const t = c.ident('a value (bearer, counterparty, parties, a state code, territory-of(…), region(…), a list […])');
  if (VALUE_FUNCTIONS.includes(t.text)) {
    c.punct('(');
    let v: Value;
    if (t.text === 'region') v = { kind: 'region', name: c.ident('a region name').text };
    else {
      const of = parseValue(c);
      v = t.text === 'territory-of' ? { kind: 'territory-of', of } : t.text === 'administered-by' ? { kind: 'administered-by', of } : { kind: 'attackers-of', of };
    }
    c.punct(')');
    return v;
  }
  if (t.text === 'bearer' || t.text === 'counterparty') return { kind: 'role', role: t.text };
  if (t.text === 'parties') return { kind: 'parties' };
  if (/^[A-Z]{3}$/.test(t.text)) return { kind: 'state', code: t.text };
  return { kind: 'symbol', name: t.text };
}

function parseDuration(c: Cursor): Duration {
  const amount = c.number('a duration (e.g. 7 days)');
  const u = c.ident("a unit (days, weeks, months, years)");
  const unit = UNITS[u.text];
  if (!unit) {
    c.pos--;
    c.fail("a unit (days, weeks, months, years)", didYouMean(u.text, Object.keys(UNITS)));
  }
  return { amount, unit };
}

function parseDeadline(c: Cursor): Deadline {
  const t = c.peek();
  if (t && t.kind === 'number') return { kind: 'duration', duration: parseDuration(c) };
  return { kind: 'assumption', name: c.ident('a duration (e.g. 30 days) or an assumption name (e.g. immediately)').text };
}

function parseTimePoint(c: Cursor): TimePoint {
  const t = c.peek();
  if (t && t.kind === 'number') {
    const duration = parseDuration(c);
    c.word('after');
    c.word('entry-into-force');
    return { kind: 'after-entry-into-force', duration };
  }
  if (t && t.kind === 'date') {
    c.next();
    return { kind: 'date', date: t.text };
  }
  if (c.isWord('entry-into-force') || c.isWord('termination')) return { kind: c.next()!.text as 'entry-into-force' | 'termination' };
  return c.fail("'entry-into-force', 'termination', a date (YYYY-MM-DD) or 'N years after entry-into-force'");
}

function parseReading(c: Cursor, raw: RawClause[], loc: Loc): ReadingDecl {
  const id = c.ident('a reading id (e.g. art4.state-of-war)').text;
  const title = c.string('a quoted title for the reading');
  c.done();
  const decl: ReadingDecl = { kind: 'reading', id, title, question: '', isDefault: false, holders: [], summary: null, loc };
  for (const rc of raw) {
    const cur: Cursor = rc.cursor;
    const kw = clauseKeyword(rc, READING_CLAUSES, 'a reading');
    if (kw.text === 'question') decl.question = cur.ident('a question id (e.g. art4.trigger)').text;
    else if (kw.text === 'default') decl.isDefault = true;
    else if (kw.text === 'summary') decl.summary = cur.string('a quoted summary');
    else {
      const who = cur.string('who holds the reading, quoted');
      cur.word('in');
      const source = cur.string('the source, quoted');
      let line: number | null = null;
      if (cur.isWord('line')) {
        cur.next();
        line = cur.number('a line number');
      }
      decl.holders.push({ who, source, line });
    }
    cur.done();
  }
  if (!decl.question) throw err(loc.file, loc.line, loc.col, `reading '${id}' needs a 'question' clause naming the contested question it answers`);
  return decl;
}

function parseAssume(c: Cursor, raw: RawClause[], loc: Loc): AssumeDecl {
  const name = c.ident('an assumption name (e.g. immediately)').text;
  c.punct('=');
  const duration = parseDuration(c);
  const text = c.optString();
  c.done();
  noClauses('assume', raw);
  return { kind: 'assume', name, duration, text, loc };
}

function parseEntryIntoForce(c: Cursor, raw: RawClause[], loc: Loc): EntryIntoForceDecl {
  c.done();
  const decl: EntryIntoForceDecl = { kind: 'entry-into-force', requires: [], when: [], delay: null, loc };
  for (const rc of raw) {
    const cur: Cursor = rc.cursor;
    const kw = clauseKeyword(rc, EIF_CLAUSES, 'entry-into-force');
    if (kw.text === 'requires') {
      const ev = cur.ident('an event type (e.g. ratification)');
      cur.word('by');
      cur.word('each');
      cur.word('party');
      decl.requires.push({ event: ev.text, by: 'each-party', loc: cur.loc(ev) });
    } else if (kw.text === 'when') decl.when.push(parseEventPattern(cur));
    else decl.delay = parseDuration(cur);
    cur.done();
  }
  return decl;
}

function parseTermination(c: Cursor, raw: RawClause[], loc: Loc, keyword: 'termination' | 'withdrawal' = 'termination'): TerminationDecl {
  const text = c.optString();
  c.done();
  const decl: TerminationDecl = { kind: 'termination', when: [], notice: 'unknown', notBefore: null, text, loc };
  for (const rc of raw) {
    const cur: Cursor = rc.cursor;
    const kw = clauseKeyword(rc, TERMINATION_CLAUSES, keyword);
    if (kw.text === 'when') decl.when.push(parseEventPattern(cur));
    else if (kw.text === 'notice') {
      if (cur.isWord('unknown')) {
        cur.next();
        decl.notice = 'unknown';
      } else decl.notice = parseDuration(cur);
    } else decl.notBefore = parseDuration(cur);
    cur.done();
  }
  return decl;
}

function parseDurationDecl(c: Cursor, raw: RawClause[], loc: Loc): DurationDecl {
  let term: DurationDecl['term'];
  if (c.isWord('indefinite') || c.isWord('unknown')) term = c.next()!.text as 'indefinite' | 'unknown';
  else if (c.peek()?.kind === 'number') term = parseDuration(c);
  else c.fail("'indefinite', 'unknown' or a duration (e.g. 10 years)");
  let renew: Duration | null = null;
  if (c.isWord('renew')) {
    c.next();
    renew = parseDuration(c);
  }
  const text = c.optString();
  c.done();
  noClauses('duration', raw);
  return { kind: 'duration', term, renew, text, loc };
}

function parseSupersedes(c: Cursor, raw: RawClause[], loc: Loc): SupersedesDecl {
  const treaty = c.ident('a treaty id (e.g. rus-prk-2000)').text;
  const text = c.optString();
  c.done();
  noClauses('supersedes', raw);
  return { kind: 'supersedes', treaty, text, loc };
}
