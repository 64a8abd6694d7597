/**
 * Human-readable terminal output: position tables, explanation trees, reading lists.
 * Colour only on a terminal (picocolors honours NO_COLOR and FORCE_COLOR).
 */
import pc from 'picocolors';
import type { EngineOutput, Explanation, Position, PositionStatus, ReadingVariation, TreatyStatus } from '../engine/types.js';
import type { TreatyFile } from '../language/ast.js';
import { statementsOf } from '../language/ast.js';
import { printStatement } from '../language/printer.js';
import { MODAL_VERB as VERB } from '../language/ast.js';

const STATUS_COLOUR: Record<PositionStatus | TreatyStatus, (s: string) => string> = {
  violated: pc.red,
  triggered: pc.yellow,
  fulfilled: pc.green,
  'not-triggered': pc.dim,
  'not-in-force': pc.dim,
  expired: pc.dim,
  'in-force': pc.green,
  signed: pc.yellow,
  'not-signed': pc.dim,
  terminated: pc.dim,
  superseded: pc.dim,
};

export function status(s: PositionStatus | TreatyStatus): string {
  return STATUS_COLOUR[s](s);
}

function pad(s: string, n: number): string {
  // pad by visible width (colour codes do not count)
  // eslint-disable-next-line no-control-regex
  const visible = s.replace(/\x1b\[[0-9;]*m/g, '').length;
  return s + ' '.repeat(Math.max(0, n - visible));
}


export function positionLine(p: Position): string {
  const who = `${p.bearer} ${VERB[p.modality]} ${p.action.replace(/-/g, ' ')}${p.counterparty ? ` → ${p.counterparty}` : ''}`;
  const art = /^\d+$/.test(p.article) ? `Art ${p.article}` : p.article.slice(0, 8);
  return `  ${pad(pc.bold(art), 8)} ${pad(who, 58)} ${pad(status(p.status), 14)} ${p.since ? `since ${p.since}` : ''}`;
}

/** Positions grouped by the rule they come from, in first-seen order. */
function byRule(ps: Position[]): Position[][] {
  const groups = new Map<string, Position[]>();
  for (const p of ps) {
    const rule = p.id.slice(0, p.id.lastIndexOf('/'));
    groups.set(rule, [...(groups.get(rule) ?? []), p]);
  }
  return [...groups.values()];
}

/** One line for many positions of one rule with the same status. */
function ruleLine(g: Position[]): string {
  const p = g[0]!;
  const art = /^\d+$/.test(p.article) ? `Art ${p.article}` : p.article;
  const bearers = [...new Set(g.map((x) => x.bearer))];
  const who = `${bearers.length > 4 ? `${bearers.length} parties` : bearers.join(', ')} ${VERB[p.modality]} ${p.action.replace(/-/g, ' ')}${p.counterparty ? ' → each other' : ''}`;
  return `  ${pad(pc.bold(art), 8)} ${pad(who, 58)} ${pad(status(p.status), 14)} ${pc.dim(`(${g.length} positions)`)}`;
}

/**
 * Event-driven positions matter most; standing duties of conduct (rules with no trigger and no
 * violating event, in effect) are summarised unless `all`. `standing` tells which rules those are.
 */
export function renderRun(out: EngineOutput, opts: { all?: boolean; title?: string; standing?: (p: Position) => boolean } = {}): string {
  const isStanding = (p: Position) => p.status === 'triggered' && (opts.standing?.(p) ?? false);
  const lines: string[] = [];
  if (opts.title) lines.push(pc.bold(opts.title));
  lines.push(`As of ${pc.bold(out.as_of)}  ·  readings: ${out.readings.join(', ')}`, '');
  lines.push(pc.bold('Treaties'));
  for (const t of out.treaties) lines.push(`  ${pad(t.id, 16)} ${pad(status(t.status), 12)} ${t.since ? `since ${t.since}` : ''}`);
  for (const t of out.treaties) {
    // in article order (4 before 16; unnumbered provisions last), as a reader of the treaty expects
    const artNum = (p: Position) => (/^\d+$/.test(p.article) ? Number(p.article) : p.article === 'preamble' ? 0 : 1e6);
    const ps = out.positions.filter((p) => p.treaty === t.id).sort((a, b) => artNum(a) - artNum(b) || (a.id < b.id ? -1 : 1));
    if (ps.length === 0) continue;
    const shown = opts.all ? ps : ps.filter((p) => !isStanding(p));
    const standing = ps.length - shown.length;
    lines.push('', pc.bold(`Positions under ${t.id}`) + pc.dim(` (${ps.length})`));
    if (!opts.all && ps.every((p) => p.status === ps[0]!.status) && (ps[0]!.status === 'not-in-force' || ps[0]!.status === 'expired')) {
      lines.push(`  all ${ps.length} ${pad(status(ps[0]!.status), 0)}${ps[0]!.since ? ` since ${ps[0]!.since}` : ''}: the treaty is ${t.status}${t.since ? ` (since ${t.since})` : ''}; --all lists them`);
      continue;
    }
    const order: PositionStatus[] = ['violated', 'triggered', 'fulfilled', 'not-triggered', 'expired', 'not-in-force'];
    for (const s of order) {
      const group = shown.filter((x) => x.status === s);
      // what happened is listed position by position; what did not, rule by rule when many
      if (opts.all || s === 'violated' || s === 'triggered' || s === 'fulfilled') for (const p of group) lines.push(positionLine(p));
      else for (const g of byRule(group)) lines.push(g.length > 2 ? ruleLine(g) : g.map(positionLine).join('\n'));
    }
    if (standing) lines.push(pc.dim(`  … and ${standing} standing duties and prohibitions in effect, with no triggering event (cooperation articles and the like); --all lists them`));
  }
  const dependent = out.positions.filter((p) => p.depends_on_readings.length && p.status !== 'not-in-force' && p.status !== 'expired');
  if (dependent.length) {
    lines.push('', pc.dim(`Positions that depend on a contested reading: ${[...new Set(dependent.map((p) => p.id))].length}. 'casus run … --across-readings' shows how they change; 'casus explain <scenario> <id>' shows why.`));
  }
  return lines.join('\n');
}

export function renderTree(e: Explanation, prefix = '', isLast = true, isRoot = true): string {
  const lines: string[] = [];
  const branch = isRoot ? '' : isLast ? '└─ ' : '├─ ';
  lines.push(prefix + branch + (isRoot ? pc.bold(e.text) : e.text));
  const childPrefix = isRoot ? '' : prefix + (isLast ? '   ' : '│  ');
  e.because.forEach((c, i) => lines.push(renderTree(c, childPrefix, i === e.because.length - 1, false)));
  return lines.join('\n');
}

export function renderVariations(vs: ReadingVariation[]): string {
  if (vs.length === 0) return 'No position changes status across the readings: the answer does not depend on them.';
  const lines: string[] = [pc.bold('How positions change across readings') + pc.dim(' (one question at a time, the others as chosen)')];
  let q = '';
  for (const v of vs) {
    if (v.question !== q) {
      q = v.question;
      lines.push('', pc.bold(`  question ${q}`));
    }
    lines.push(`    ${v.position}`);
    for (const [r, s] of Object.entries(v.statuses)) lines.push(`      ${pad(r, 30)} ${status(s)}`);
  }
  return lines.join('\n');
}

/** A claim in ingested commentary that supports a reading. */
export interface Supporter {
  holder: string;
  file: string;
  line: number;
}

export function renderReadings(t: TreatyFile, supporters: Map<string, Supporter[]> = new Map()): string {
  const lines: string[] = [pc.bold(`Readings of ${t.meta.id}`), ''];
  const byQuestion = new Map<string, ReturnType<typeof statementsOf<'reading'>>>();
  for (const r of statementsOf(t, 'reading')) byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), r]);
  for (const [q, rs] of byQuestion) {
    lines.push(pc.bold(`question ${q}`));
    for (const r of rs) {
      lines.push(`  ${r.isDefault ? pc.green('● ') : '○ '}${pc.bold(r.id)}${r.isDefault ? pc.dim(' (default)') : ''}: ${r.title}`);
      if (r.summary) lines.push(`      ${r.summary}`);
      for (const h of r.holders) lines.push(pc.dim(`      held by ${h.who}: ${h.source}${h.line !== null ? `:${h.line}` : ''}`));
      for (const c of supporters.get(r.id) ?? []) lines.push(pc.dim(`      supported in commentary by ${c.holder} (${c.file}:${c.line})`));
    }
    lines.push('');
  }
  lines.push(pc.bold('question territory') + pc.dim(' (global)'));
  lines.push(`  ${pc.green('● ')}${pc.bold('territory.international')}${pc.dim(' (default)')}: a territory belongs to its sovereign under international law`);
  lines.push(`  ○ ${pc.bold('territory.claimed')}: a territory belongs to each state that claims it`);
  return lines.join('\n');
}

/** Greedy word wrap of one line to `width` columns, keeping its indentation (continuations indented `hang` more). */
function wrapLine(line: string, width: number, hang = 4): string[] {
  const indent = line.length - line.trimStart().length;
  const out: string[] = [];
  let cur = '';
  for (const w of line.trim().split(/\s+/).filter(Boolean)) {
    const lead = out.length ? indent + hang : indent;
    if (cur && lead + cur.length + 1 + w.length > width) {
      out.push(' '.repeat(lead) + cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  out.push(' '.repeat(out.length ? indent + hang : indent) + cur);
  return out;
}

/** Reflow Markdown prose: paragraphs joined and wrapped; block quotes indented. */
function reflow(markdown: string, width: number): string[] {
  const out: string[] = [];
  for (const para of markdown.split(/\n\s*\n/)) {
    const lines = para.split('\n');
    const quoted = lines.every((l) => l.startsWith('>'));
    const text = lines.map((l) => l.replace(/^>\s?/, '').trim()).join(' ');
    if (out.length) out.push('');
    out.push(...wrapLine(quoted ? `  ${text}` : text, width, 0).map((l) => (quoted ? l.replace(/^ {2}/, '▌ ') : l)));
  }
  return out;
}

/**
 * Articles with their text and rules. On a wide terminal (`width` ≥ 140) the rules stand beside
 * the text, so each rule can be read against the words it encodes; otherwise below it.
 */
export function renderArticles(t: TreatyFile, which?: string, width = 0): string {
  if (width >= 140) return renderArticlesSideBySide(t, which, width);
  const lines: string[] = [];
  const arts = which ? t.articles.filter((a) => a.key === which || a.label === which) : t.articles;
  for (const a of arts) {
    const head = a.key === 'preamble' ? 'Preamble' : /^\d+$/.test(a.key) ? `Article ${a.label}` : `Provision ${a.label}`;
    lines.push(pc.bold(`${head}${a.title ? ` — ${a.title}` : ''}`) + pc.dim(`  [${a.status}]`));
    for (const s of a.sources) lines.push(pc.dim(`  source: ${s}`));
    lines.push('');
    const text = a.text ? a.text.split('\n').map((l) => `  ${l}`) : ['  (no text)'];
    lines.push(...text, '');
    const stmts = a.blocks.flatMap((b) => b.statements);
    if (stmts.length) {
      lines.push(pc.cyan('  rules:'));
      for (const s of stmts) lines.push(...printStatement(s).split('\n').map((l) => pc.cyan(`  │ ${l}`)), pc.cyan('  │'));
    } else lines.push(pc.dim('  (no rules encoded)'));
    lines.push('');
  }
  return lines.join('\n');
}

function renderArticlesSideBySide(t: TreatyFile, which: string | undefined, width: number): string {
  const lines: string[] = [];
  const left = Math.floor((width - 3) * 0.48);
  const right = width - 3 - left;
  const arts = which ? t.articles.filter((a) => a.key === which || a.label === which) : t.articles;
  for (const a of arts) {
    const head = a.key === 'preamble' ? 'Preamble' : /^\d+$/.test(a.key) ? `Article ${a.label}` : `Provision ${a.label}`;
    lines.push(pc.bold(`${head}${a.title ? ` — ${a.title}` : ''}`) + pc.dim(`  [${a.status}]`));
    for (const s of a.sources) lines.push(pc.dim(`  source: ${s}`));
    const textLines = a.text ? reflow(a.text, left) : ['(no text)'];
    const stmts = a.blocks.flatMap((b) => b.statements);
    const ruleLines = stmts.length ? stmts.flatMap((s, i) => [...(i ? [''] : []), ...printStatement(s).split('\n').flatMap((l) => wrapLine(l, right))]) : ['(no rules encoded)'];
    lines.push(pc.dim('─'.repeat(left) + '─┬─' + '─'.repeat(right)));
    for (let i = 0; i < Math.max(textLines.length, ruleLines.length); i++) {
      const l = textLines[i] ?? '';
      const r = ruleLines[i] ?? '';
      lines.push(`${pad(l, left)} ${pc.dim('│')} ${stmts.length ? pc.cyan(r) : pc.dim(r)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
