/**
 * `casus ingest <file...>`: a thin adapter over src/commentary. Reads the files, runs the
 * pipeline, stores the result in SQLite (unless --no-store) and prints a summary or the JSON
 * contract (--json).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_TREATY, checkDate, exportStore, ingestDocuments, loadTreatyById, openStore, storeResult, type IngestResult, type InputDocument } from '../../commentary/index.js';
import { readInputFile } from '../../commentary/source.js';

interface IngestCliOptions {
  date?: string;
  json?: boolean;
  db: string;
  store: boolean;
  treaty: string;
  export?: boolean;
}

function summary(r: IngestResult): string {
  const out: string[] = [];
  for (const d of r.documents) {
    out.push(`${d.file}  (date: ${d.date ?? 'unknown: relative dates left unresolved'})`);
    out.push(`  quotes ${d.quotes.length}, article references ${d.article_refs.length}, claims ${d.claims.length}, events ${d.events.length}`);
    for (const q of d.quotes) out.push(`  line ${q.line}: quote by ${q.speaker}${q.affiliation ? ` (${q.affiliation})` : ''}`);
    for (const c of d.claims.filter((c) => c.readings.length || c.fact_check))
      out.push(`  line ${c.line}: claim by ${c.holder}${c.readings.length ? ` supports ${c.readings.join(', ')}` : ''}${c.fact_check ? ` — fact check ${c.fact_check.verdict.toUpperCase()}: ${c.fact_check.fact}` : ''}`);
  }
  for (const n of r.near_duplicates) out.push(`near-duplicate ${(n.similarity * 100).toFixed(0)}%: ${n.a.file}:${n.a.lines.join('-')} ~ ${n.b.file}:${n.b.lines.join('-')}`);
  for (const c of r.contradictions) out.push(`contradiction: ${c.a.file}:${c.a.line} vs ${c.b.file}:${c.b.line}: ${c.why}`);
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('Read articles about a treaty (plain text or HTML) and link them to it: quotes and speakers, article references, claims and readings, fact checks, dates, near-duplicates, contradictions.')
    .argument('[files...]', 'text or HTML files to ingest')
    .option('--date <YYYY-MM-DD>', "the documents' publication date, for resolving 'next year', 'Thursday' (default: a date in the document's first lines, else none)")
    .option('--json', 'print the result as JSON (the stable contract, see docs/commentary.md)')
    .option('--db <path>', 'SQLite file to store results in', path.join('.casus', 'casus.db'))
    .option('--no-store', 'do not store the results')
    .option('--treaty <id>', 'the treaty the articles discuss (treaties/<id>.casus.md)', DEFAULT_TREATY)
    .option('--export', 'print everything stored in the database as JSON (no files needed)')
    .addHelpText(
      'after',
      `
Examples:
  $ casus ingest article.txt --date 2024-06-20
  $ casus ingest ../shared/seeds/*.txt --date 2024-06-20 --json > commentary.json
  $ casus ingest page.html --no-store --json
  $ casus ingest --export --db .casus/casus.db

Ingesting the same file again replaces its stored rows (documents are keyed by content hash).`,
    )
    .action((files: string[], opts: IngestCliOptions) => {
      if (opts.export) {
        const db = openStore(opts.db);
        try {
          process.stdout.write(JSON.stringify(exportStore(db), null, 2) + '\n');
        } finally {
          db.close();
        }
        return;
      }
      if (!files.length) {
        program.commands.find((c) => c.name() === 'ingest')!.help({ error: true });
      }
      if (opts.date) checkDate(opts.date);
      const treaty = loadTreatyById(opts.treaty);
      const inputs: InputDocument[] = files.map((file) => ({ file, bytes: readInputFile(file) }));
      const result = ingestDocuments(inputs, { treaty, ...(opts.date ? { date: opts.date } : {}) });
      if (opts.store) {
        const db = openStore(opts.db);
        try {
          storeResult(db, inputs, result, treaty.meta.id);
        } finally {
          db.close();
        }
      }
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : summary(result));
    });
}
