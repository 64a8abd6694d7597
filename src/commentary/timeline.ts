/**
 * Dates in the text, normalised with chrono-node against the document date.
 *
 * Precision follows what the text fixes: a weekday or "June 12" resolves to a day, "last
 * September" to a month, "next year" or "in 1961" to a year. Without a document date,
 * expressions that need one ("next year", "Thursday", "June 12" without a year) stay
 * unresolved and produce no event; only dates with an explicit year are kept.
 */
import * as chrono from 'chrono-node';

export interface FoundDate {
  date: string; // YYYY-MM-DD | YYYY-MM | YYYY
  text: string;
  index: number; // offset in the input string
}

const pad = (n: number) => String(n).padStart(2, '0');

function parseRef(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, 12));
}

/** Dates mentioned in `text` (one sentence), resolved against `docDate` (YYYY-MM-DD) or not at all. */
export function findDates(text: string, docDate: string | null): FoundDate[] {
  const ref = docDate ? parseRef(docDate) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: FoundDate[] = [];
  for (const r of chrono.parse(text, { instant: ref, timezone: 0 })) {
    const c = r.start;
    const yearKnown = c.isCertain('year');
    const monthKnown = c.isCertain('month');
    const dayKnown = c.isCertain('day') || c.isCertain('weekday');
    const relative = !/\d{4}/.test(r.text);
    if (!docDate && relative) continue; // needs a document date to resolve
    if (/^(in|for|within)\s+\d+\s+(years?|months?|weeks?|days?)$/i.test(r.text.trim()) && /\bfirst\b/i.test(text.slice(0, r.index))) continue; // "first visit in 24 years"
    if (/^\d{1,2}$/.test(r.text.trim())) continue;
    // words chrono reads as dates but commentary rarely means so: "now", "once", "may", "18–20"
    if (!/\d{4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|day\b|week|month|year|yesterday|tomorrow|ago\b|tonight/i.test(r.text)) continue;
    if (/\bmay\b/.test(r.text) || /^march\b/.test(r.text)) continue;
    let year = c.get('year')!;
    const month = c.get('month')!;
    const day = c.get('day')!;
    // "last September", "was … in September": a past month without a year lies before the document date
    if (docDate && !yearKnown && monthKnown) {
      const past = /\blast\s*$/i.test(text.slice(0, r.index)) || /\b(was|were|had|did|met|visited|signed)\b/i.test(text);
      const asDate = `${year}-${pad(month)}-${pad(dayKnown ? day : 1)}`;
      if (past && asDate > docDate) year -= 1;
    }
    let date: string;
    if (dayKnown && (monthKnown || c.isCertain('weekday') || /\b(week|yesterday|today|tomorrow)\b/i.test(r.text))) date = `${year}-${pad(month)}-${pad(day)}`;
    else if (monthKnown) date = `${year}-${pad(month)}`;
    else date = String(year);
    out.push({ date, text: r.text, index: r.index });
  }
  // bare years that chrono leaves alone: "in 1961", "since 2000"
  const yr = /\b(?:in|since|from|until|by|of|before|after)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:%|per))/gi;
  for (let m = yr.exec(text); m; m = yr.exec(text)) {
    const at = m.index + m[0].length - 4;
    if (out.some((d) => at >= d.index && at < d.index + d.text.length)) continue;
    out.push({ date: m[1]!, text: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A document date from its first lines: a dateline or a short line holding a full date. */
export function headerDate(text: string): string | null {
  const lines = text.split('\n').slice(0, 6);
  for (const [i, l] of lines.entries()) {
    const line = l.trim();
    if (!line) continue;
    const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line);
    const candidates = chrono.parse(line.slice(0, 200), { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
    const full = candidates.find((r) => r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'));
    const shortLine = line.length <= 160;
    const dateline = full && full.index < 60 && /^[\p{Lu}][^.]{0,60}$/u.test(line.slice(0, full.index));
    if (iso && (shortLine || iso.index < 60)) return iso[0];
    if (full && (shortLine || dateline)) {
      const c = full.start;
      return `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
    }
    if (i >= 5) break;
  }
  return null;
}
