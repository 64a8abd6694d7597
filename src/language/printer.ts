/**
 * Printer: syntax tree back to canonical rule text. `casus fmt` rewrites each ```casus block
 * with it; the round trip parse(print(ast)) == ast is a tested property.
 */
import type { Cond, Deadline, Duration, EventPattern, PartyRef, RuleClause, Statement, TimePoint, Value } from './ast.js';

const INDENT = '  ';

export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function printDuration(d: Duration): string {
  return `${d.amount} ${d.unit}${d.amount === 1 ? '' : 's'}`;
}

export function printParty(p: PartyRef): string {
  return p.kind === 'state' ? p.code : `${p.kind} party`;
}

export function printValue(v: Value): string {
  switch (v.kind) {
    case 'role':
      return v.role;
    case 'parties':
      return 'parties';
    case 'state':
      return v.code;
    case 'symbol':
      return v.name;
    case 'list':
      return `[${v.items.map(printValue).join(', ')}]`;
    case 'region':
      return `region(${v.name})`;
    default:
      return `${v.kind}(${printValue(v.of)})`;
  }
}

export function printCond(c: Cond): string {
  switch (c.kind) {
    case 'compare':
      return `${c.field} ${c.op} ${printValue(c.value)}`;
    case 'reading':
      return `reading ${c.id}`;
    case 'not':
      return `not ${c.item.kind === 'and' || c.item.kind === 'or' ? `(${printCond(c.item)})` : printCond(c.item)}`;
    case 'and':
      return c.items.map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${printCond(i)})` : printCond(i))).join(' and ');
    case 'or':
      // an 'and' inside an 'or' is bracketed too: not needed by precedence, but clearer to read
      return c.items.map((i) => (i.kind === 'and' || i.kind === 'or' ? `(${printCond(i)})` : printCond(i))).join(' or ');
  }
}

export function printEvent(e: EventPattern): string {
  return e.where ? `${e.type} where ${printCond(e.where)}` : e.type;
}

function printDeadline(d: Deadline): string {
  return d.kind === 'duration' ? printDuration(d.duration) : d.name;
}

function printPoint(p: TimePoint): string {
  if (p.kind === 'date') return p.date;
  if (p.kind === 'after-entry-into-force') return `${printDuration(p.duration)} after entry-into-force`;
  return p.kind;
}

const withText = (head: string, text: string | null) => (text === null ? head : `${head} ${quote(text)}`);

export function printClause(c: RuleClause): string {
  const guard = c.guard ? `[${c.guard.join(', ')}] ` : '';
  let body: string;
  switch (c.clause) {
    case 'bearer':
    case 'counterparty':
      body = `${c.clause} ${printParty(c.party)}`;
      break;
    case 'action':
      body = `action ${c.name}`;
      break;
    case 'when':
    case 'fulfilled-by':
    case 'violated-by':
      body = `${c.clause} ${printEvent(c.event)}`;
      break;
    case 'if':
    case 'unless':
      body = `${c.clause} ${printCond(c.cond)}`;
      break;
    case 'within':
      body = withText(`within ${printDeadline(c.deadline)}`, c.text);
      break;
    case 'qualifier':
      body = withText(`qualifier ${c.name}`, c.text);
      break;
    case 'from':
    case 'until':
      body = `${c.clause} ${printPoint(c.point)}`;
      break;
    case 'see':
      body = `see article ${c.article}`;
      break;
    case 'inoperative':
      body = withText('inoperative', c.text);
      break;
    case 'note':
      body = `note ${quote(c.text)}`;
      break;
  }
  return guard + body;
}

const commentLines = (cs: string[] | undefined, indent: string) => (cs ?? []).map((c) => (c ? `${indent}# ${c}` : `${indent}#`));

export function printStatement(s: Statement): string {
  const lines: string[] = commentLines(s.comments, '');
  switch (s.kind) {
    case 'rule':
      lines.push(withText(`${s.modality} ${s.name}`, s.title));
      for (const c of s.clauses) lines.push(...commentLines(c.comments, INDENT), INDENT + printClause(c));
      break;
    case 'reading':
      lines.push(`reading ${s.id} ${quote(s.title)}`);
      lines.push(`${INDENT}question ${s.question}`);
      if (s.isDefault) lines.push(`${INDENT}default`);
      for (const h of s.holders) lines.push(`${INDENT}held-by ${quote(h.who)} in ${quote(h.source)}${h.line === null ? '' : ` line ${h.line}`}`);
      if (s.summary !== null) lines.push(`${INDENT}summary ${quote(s.summary)}`);
      break;
    case 'assume':
      lines.push(withText(`assume ${s.name} = ${printDuration(s.duration)}`, s.text));
      break;
    case 'entry-into-force':
      lines.push('entry-into-force');
      for (const r of s.requires) lines.push(`${INDENT}requires ${r.event} by each party`);
      for (const w of s.when) lines.push(`${INDENT}when ${printEvent(w)}`);
      if (s.delay) lines.push(`${INDENT}delay ${printDuration(s.delay)}`);
      break;
    case 'termination':
    case 'withdrawal':
      lines.push(withText(s.kind, s.text));
      for (const w of s.when) lines.push(`${INDENT}when ${printEvent(w)}`);
      lines.push(`${INDENT}notice ${s.notice === 'unknown' ? 'unknown' : printDuration(s.notice)}`);
      if (s.notBefore) lines.push(`${INDENT}not-before ${printDuration(s.notBefore)}`);
      break;
    case 'duration': {
      const term = typeof s.term === 'string' ? s.term : printDuration(s.term);
      lines.push(withText(`duration ${term}${s.renew ? ` renew ${printDuration(s.renew)}` : ''}`, s.text));
      break;
    }
    case 'supersedes':
      lines.push(withText(`supersedes ${s.treaty}`, s.text));
      break;
  }
  return lines.join('\n');
}

/** A whole block: statements separated by one blank line. */
export function printBlock(statements: Statement[]): string {
  return statements.map(printStatement).join('\n\n');
}
