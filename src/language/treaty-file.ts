/**
 * Reader for literate treaty files (`treaties/*.casus.md`):
 *
 *   ---                         YAML front matter: id, title, parties, signed, sources, history
 *   ---
 *   ## Article 4 — Title        one section per article (or `## Preamble`)
 *   - status: quoted-unofficial
 *   - source: https://…         (repeatable)
 *   - aliases: mutual defence clause; mutual assistance clause
 *   > "the article's words …"   the text, as prose and quotes
 *   ```casus                    its formal rules (rules-parser.ts)
 *   …
 *   ```
 *
 * Also `formatTreatyText`: the literate formatter behind `casus fmt`, which reprints only the
 * rule blocks and leaves the prose exactly as written.
 */
import type { Article, RecordedEvent, RuleBlock, TextStatus, TreatyFile, TreatyMeta } from './ast.js';
import { TEXT_STATUSES, romanToArabic } from './ast.js';
import { CasusError, didYouMean, type Diagnostic } from './diagnostics.js';
import { parseBlock } from './rules-parser.js';
import { printBlock } from './printer.js';
import { isValidDate, nodeAt, parseYaml, positionOf, toJs, yamlError, type YamlSource } from './yaml-source.js';

const ARTICLE_HEADING = /^##\s+(?:Article|Art\.)\s+([0-9]+|[IVXLC]+)\b\s*(?:[—–:-]\s*(.*))?$/;
const PREAMBLE_HEADING = /^##\s+Preamble\s*(?:[—–:-]\s*(.*))?$/;
/** A provision whose article number is not known: `## Provision consultation — Title`. */
const PROVISION_HEADING = /^##\s+Provision\s+([a-z][a-z0-9-]*)\s*(?:[—–:-]\s*(.*))?$/;
const META_LINE = /^-\s+(status|source|aliases):\s*(.*)$/;
const FRONT_KEYS = ['id', 'title', 'short_title', 'parties', 'signed', 'sources', 'history', 'text_status', 'notes', 'articles'];

interface Fence {
  open: number; // 0-based index of the opening fence line
  close: number; // 0-based index of the closing fence line
  isCasus: boolean;
}

/** Locate fenced blocks; an unclosed fence is an error at its opening line. */
function findFences(lines: string[], file: string, from: number): Fence[] {
  const fences: Fence[] = [];
  let open: { index: number; isCasus: boolean } | null = null;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (open === null) {
      const m = /^```\s*([\w-]*)\s*$/.exec(l);
      if (m) open = { index: i, isCasus: m[1] === 'casus' };
    } else if (/^```\s*$/.test(l)) {
      fences.push({ open: open.index, close: i, isCasus: open.isCasus });
      open = null;
    }
  }
  if (open) throw new CasusError([{ file, line: open.index + 1, col: 1, severity: 'error', message: 'unclosed code fence: expected a closing ``` line' }]);
  return fences;
}

function splitFrontMatter(lines: string[], file: string): { yaml: string; bodyStart: number } {
  if (lines[0]?.trim() !== '---') throw new CasusError([{ file, line: 1, col: 1, severity: 'error', message: "expected front matter: a first line '---', then YAML metadata (id, title, parties, signed, sources), then '---'" }]);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) throw new CasusError([{ file, line: 1, col: 1, severity: 'error', message: "unclosed front matter: expected a closing '---' line" }]);
  return { yaml: lines.slice(1, end).join('\n'), bodyStart: end + 1 };
}

function readMeta(src: YamlSource): TreatyMeta {
  const raw = toJs(src);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw yamlError(src, [], 'front matter must be a YAML mapping');
  const m = raw as Record<string, unknown>;
  for (const key of Object.keys(m)) if (!FRONT_KEYS.includes(key)) throw yamlError(src, [], `unknown front-matter key '${key}'${didYouMean(key, FRONT_KEYS)}; allowed: ${FRONT_KEYS.join(', ')}`, key);
  const need = (key: string) => {
    if (!(key in m)) throw yamlError(src, [], `front matter needs '${key}'`);
    return m[key];
  };
  const id = need('id');
  if (typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw yamlError(src, ['id'], "'id' must be kebab-case, e.g. rus-prk-2024");
  const title = need('title');
  if (typeof title !== 'string') throw yamlError(src, ['title'], "'title' must be a string");
  const parties = need('parties');
  if (!Array.isArray(parties) || parties.length < 2) throw yamlError(src, ['parties'], "'parties' must list at least two ISO 3166-1 alpha-3 codes");
  parties.forEach((p, i) => {
    if (typeof p !== 'string' || !/^[A-Z]{3}$/.test(p)) throw yamlError(src, ['parties', i], `party '${String(p)}' is not an ISO 3166-1 alpha-3 code`);
  });
  if (m.articles !== undefined && m.articles !== null && (typeof m.articles !== 'number' || !Number.isInteger(m.articles) || m.articles < 1))
    throw yamlError(src, ['articles'], "'articles' must be the number of articles (a positive whole number) or null");
  const signed = (m.signed ?? {}) as Record<string, unknown>;
  if (signed.date !== null && signed.date !== undefined && !isValidDate(signed.date)) throw yamlError(src, ['signed', 'date'], `'signed.date' must be a date YYYY-MM-DD or null, found '${String(signed.date)}'`);
  const history: RecordedEvent[] = [];
  const rawHistory = m.history ?? [];
  if (!Array.isArray(rawHistory)) throw yamlError(src, ['history'], "'history' must be a list of dated events");
  rawHistory.forEach((h: unknown, i: number) => {
    if (h === null || typeof h !== 'object') throw yamlError(src, ['history', i], 'a history entry must be a mapping {date, type, source, …}');
    const e = h as Record<string, unknown>;
    if (!isValidDate(e.date)) throw yamlError(src, ['history', i, 'date'], `history date must be YYYY-MM-DD, found '${String(e.date)}'`);
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(e)) if (!['date', 'type', 'source', 'note'].includes(k)) fields[k] = String(v);
    const pos = positionOf(src, nodeAt(src, ['history', i]));
    history.push({ date: e.date, type: String(e.type), fields, source: e.source === undefined ? null : String(e.source), loc: { file: src.file, ...pos } });
  });
  const strings = (key: string): string[] => {
    const v = m[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw yamlError(src, [key], `'${key}' must be a list`);
    return v.map(String);
  };
  return {
    id,
    title,
    shortTitle: typeof m.short_title === 'string' ? m.short_title : null,
    parties: parties as string[],
    partyLocs: (parties as string[]).map((_, i) => ({ file: src.file, ...positionOf(src, nodeAt(src, ['parties', i])) })),
    signed: { date: (signed.date as string | undefined) ?? null, place: typeof signed.place === 'string' ? signed.place : null },
    sources: strings('sources'),
    history,
    textStatus: typeof m.text_status === 'string' ? m.text_status : null,
    articleCount: typeof m.articles === 'number' ? m.articles : null,
    notes: strings('notes'),
  };
}

/** Parse a literate treaty file. Throws CasusError with file:line:col on any mistake. */
export function parseTreatyText(text: string, file: string): TreatyFile {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const { yaml, bodyStart } = splitFrontMatter(lines, file);
  const meta = readMeta(parseYaml(yaml, file, 1));
  const fences = findFences(lines, file, bodyStart);
  const inFence = (i: number) => fences.find((f) => i >= f.open && i <= f.close);

  const articles: (Article & { textLines: string[] })[] = [];
  const diagnostics: Diagnostic[] = [];
  const introLines: string[] = [];
  let current: (Article & { textLines: string[] }) | null = null;
  const seen = new Map<string, number>();

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = inFence(i);
    if (fence) {
      if (fence.isCasus && i === fence.open) {
        if (!current) {
          diagnostics.push({ file, line: i + 1, col: 1, severity: 'error', message: 'a ```casus block must sit inside an article section (## Article N or ## Preamble)' });
        } else {
          try {
            const body = lines.slice(fence.open + 1, fence.close).join('\n');
            const block: RuleBlock = { statements: parseBlock(body, file, fence.open + 2), line: fence.open + 1 };
            current.blocks.push(block);
          } catch (e) {
            if (e instanceof CasusError) diagnostics.push(...e.diagnostics);
            else throw e;
          }
        }
        i = fence.close;
      } else if (!fence.isCasus) (current ? current.textLines : introLines).push(line);
      continue;
    }
    const art = ARTICLE_HEADING.exec(line);
    const pre = PREAMBLE_HEADING.exec(line);
    const prov = PROVISION_HEADING.exec(line);
    if (art || pre || prov) {
      const label = art ? art[1]! : prov ? prov[1]! : 'Preamble';
      const key = art ? String(romanToArabic(art[1]!)) : prov ? prov[1]! : 'preamble';
      const prior = seen.get(key);
      if (prior !== undefined) diagnostics.push({ file, line: i + 1, col: 4, severity: 'error', message: `duplicate section for article ${label} (first at line ${prior})` });
      seen.set(key, i + 1);
      current = { key, label, title: ((art ? art[2] : prov ? prov[2] : pre![1]) ?? '').trim(), status: 'unknown', sources: [], aliases: [], text: '', blocks: [], loc: { file, line: i + 1, col: 1 }, textLines: [] };
      articles.push(current);
      continue;
    }
    if (/^##\s/.test(line) && !/^###/.test(line)) {
      diagnostics.push({ file, line: i + 1, col: 1, severity: 'error', message: `unrecognised section heading: expected '## Article N — Title', '## Preamble' or '## Provision name — Title' (for a provision whose article number is unknown)` });
      continue;
    }
    const meta = current ? META_LINE.exec(line) : null;
    if (current && meta) {
      const value = meta[2]!.trim();
      const col = line.indexOf(meta[2]!) + 1;
      if (meta[1] === 'status') {
        const status = value.split(/[\s(;,]/)[0]!;
        if (!TEXT_STATUSES.includes(status as TextStatus))
          diagnostics.push({ file, line: i + 1, col, severity: 'error', message: `unknown text status '${status}'${didYouMean(status, TEXT_STATUSES)}; expected one of ${TEXT_STATUSES.join(', ')}` });
        else current.status = status as TextStatus;
      } else if (meta[1] === 'source') current.sources.push(value);
      else current.aliases.push(...value.split(';').map((a) => a.trim()).filter(Boolean));
      continue;
    }
    (current ? current.textLines : introLines).push(line);
  }
  if (diagnostics.length) throw new CasusError(diagnostics);
  const done: Article[] = articles.map(({ textLines, ...a }) => ({ ...a, text: textLines.join('\n').trim() }));
  return { file, meta, frontMatter: yaml, intro: introLines.join('\n').trim(), articles: done };
}

/**
 * The literate formatter: every ```casus block is reprinted canonically; all other text is
 * kept byte for byte, except that trailing spaces are removed and the file ends in one newline.
 */
export function formatTreatyText(text: string, file: string): string {
  parseTreatyText(text, file); // refuse to format a file that does not parse
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const { bodyStart } = splitFrontMatter(lines, file);
  const fences = findFences(lines, file, bodyStart).filter((f) => f.isCasus);
  const out: string[] = [];
  let i = 0;
  for (const f of fences) {
    out.push(...lines.slice(i, f.open + 1));
    const body = lines.slice(f.open + 1, f.close).join('\n');
    const printed = printBlock(parseBlock(body, file, f.open + 2));
    if (printed) out.push(...printed.split('\n'));
    out.push(lines[f.close]!);
    i = f.close + 1;
  }
  out.push(...lines.slice(i));
  return out.map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n*$/, '\n');
}
