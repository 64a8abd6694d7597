/**
 * SQLite storage of ingest results (better-sqlite3, one file). Schema changes are numbered
 * migrations recorded in `schema_migrations`; opening a store applies the missing ones in
 * order, each in its own transaction. A document is identified by the SHA-256 of its bytes,
 * so ingesting the same file again replaces its rows instead of adding new ones.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentOut, IngestResult, InputDocument } from './types.js';

export type Store = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and their findings',
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        file TEXT NOT NULL,
        date TEXT,
        treaty TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE quotes (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, speaker TEXT NOT NULL, affiliation TEXT, text TEXT NOT NULL,
        line INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE article_refs (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, treaty TEXT NOT NULL, article TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('explicit','implicit')),
        span TEXT NOT NULL, line INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE claims (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, holder TEXT NOT NULL, text TEXT NOT NULL, line INTEGER NOT NULL,
        articles TEXT NOT NULL, readings TEXT NOT NULL,
        verdict TEXT CHECK (verdict IN ('true','false','unverifiable')), fact TEXT, source TEXT,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE events (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, date TEXT NOT NULL, label TEXT NOT NULL, line INTEGER NOT NULL,
        PRIMARY KEY (document_id, seq)
      );`,
  },
  {
    version: 2,
    name: 'cross-document findings',
    sql: `
      CREATE TABLE near_duplicates (
        a_hash TEXT NOT NULL, a_first INTEGER NOT NULL, a_last INTEGER NOT NULL,
        b_hash TEXT NOT NULL, b_first INTEGER NOT NULL, b_last INTEGER NOT NULL,
        similarity REAL NOT NULL,
        PRIMARY KEY (a_hash, a_first, a_last, b_hash, b_first, b_last)
      );
      CREATE TABLE contradictions (
        a_hash TEXT NOT NULL, a_line INTEGER NOT NULL, b_hash TEXT NOT NULL, b_line INTEGER NOT NULL, why TEXT NOT NULL,
        PRIMARY KEY (a_hash, a_line, b_hash, b_line, why)
      );`,
  },
  {
    version: 3,
    name: 'indexes for lookups by reading, article and speaker',
    sql: `
      CREATE INDEX claims_by_holder ON claims(holder);
      CREATE INDEX refs_by_article ON article_refs(treaty, article);
      CREATE INDEX quotes_by_speaker ON quotes(speaker);`,
  },
];

/** Apply the migrations the database lacks; returns the versions applied now. */
export function migrate(db: Store, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const have = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (have.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}

/** Open (creating directories and the file if needed) and migrate a store. */
export function openStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export const contentHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Store one ingest run. Re-storing a document with the same bytes replaces its rows. */
export function storeResult(db: Store, inputs: InputDocument[], result: IngestResult, treaty: string): void {
  const hashOf = new Map<string, string>();
  inputs.forEach((inp) => hashOf.set(inp.file, contentHash(inp.bytes)));
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const d of result.documents) {
      const hash = hashOf.get(d.file)!;
      const row = db.prepare('SELECT id FROM documents WHERE content_hash = ?').get(hash) as { id: number } | undefined;
      let id: number;
      if (row) {
        id = row.id;
        db.prepare('UPDATE documents SET file = ?, date = ?, treaty = ?, ingested_at = ? WHERE id = ?').run(d.file, d.date, treaty, now, id);
        for (const t of ['quotes', 'article_refs', 'claims', 'events']) db.prepare(`DELETE FROM ${t} WHERE document_id = ?`).run(id);
      } else {
        id = Number(db.prepare('INSERT INTO documents (content_hash, file, date, treaty, ingested_at) VALUES (?, ?, ?, ?, ?)').run(hash, d.file, d.date, treaty, now).lastInsertRowid);
      }
      const q = db.prepare('INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      d.quotes.forEach((x, i) => q.run(id, i, x.speaker, x.affiliation, x.text, x.line, x.start, x.end));
      const r = db.prepare('INSERT INTO article_refs VALUES (?, ?, ?, ?, ?, ?, ?)');
      d.article_refs.forEach((x, i) => r.run(id, i, x.treaty, x.article, x.kind, x.span, x.line));
      const c = db.prepare('INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      d.claims.forEach((x, i) => c.run(id, i, x.holder, x.text, x.line, JSON.stringify(x.articles), JSON.stringify(x.readings), x.fact_check?.verdict ?? null, x.fact_check?.fact ?? null, x.fact_check?.source ?? null));
      const e = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?)');
      d.events.forEach((x, i) => e.run(id, i, x.date, x.label, x.line));
    }
    const nd = db.prepare('INSERT OR REPLACE INTO near_duplicates VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const n of result.near_duplicates) nd.run(hashOf.get(n.a.file), n.a.lines[0], n.a.lines[1], hashOf.get(n.b.file), n.b.lines[0], n.b.lines[1], n.similarity);
    const ct = db.prepare('INSERT OR IGNORE INTO contradictions VALUES (?, ?, ?, ?, ?)');
    for (const x of result.contradictions) ct.run(hashOf.get(x.a.file), x.a.line, hashOf.get(x.b.file), x.b.line, x.why);
  })();
}

/** Everything in the store, in the JSON contract's shape (documents in ingest order). */
export function exportStore(db: Store): IngestResult {
  const docs = db.prepare('SELECT id, content_hash, file, date FROM documents ORDER BY id').all() as { id: number; content_hash: string; file: string; date: string | null }[];
  const fileOf = new Map(docs.map((d) => [d.content_hash, d.file]));
  const documents: DocumentOut[] = docs.map((d) => ({
    file: d.file,
    date: d.date,
    quotes: (db.prepare('SELECT speaker, affiliation, text, line, start, "end" FROM quotes WHERE document_id = ? ORDER BY seq').all(d.id) as DocumentOut['quotes']),
    article_refs: (db.prepare('SELECT treaty, article, kind, span, line FROM article_refs WHERE document_id = ? ORDER BY seq').all(d.id) as DocumentOut['article_refs']),
    claims: (db.prepare('SELECT holder, text, line, articles, readings, verdict, fact, source FROM claims WHERE document_id = ? ORDER BY seq').all(d.id) as any[]).map((c) => ({
      holder: c.holder, text: c.text, line: c.line, articles: JSON.parse(c.articles), readings: JSON.parse(c.readings),
      fact_check: c.verdict ? { verdict: c.verdict, fact: c.fact, source: c.source } : null,
    })),
    events: (db.prepare('SELECT date, label, line FROM events WHERE document_id = ? ORDER BY seq').all(d.id) as DocumentOut['events']),
  }));
  const nds = db.prepare('SELECT * FROM near_duplicates ORDER BY a_hash, a_first, b_hash, b_first').all() as any[];
  const cts = db.prepare('SELECT * FROM contradictions ORDER BY a_hash, a_line, b_hash, b_line, why').all() as any[];
  return {
    documents,
    near_duplicates: nds.filter((n) => fileOf.has(n.a_hash) && fileOf.has(n.b_hash)).map((n) => ({ a: { file: fileOf.get(n.a_hash)!, lines: [n.a_first, n.a_last] }, b: { file: fileOf.get(n.b_hash)!, lines: [n.b_first, n.b_last] }, similarity: n.similarity })),
    contradictions: cts.filter((c) => fileOf.has(c.a_hash) && fileOf.has(c.b_hash)).map((c) => ({ a: { file: fileOf.get(c.a_hash)!, line: c.a_line }, b: { file: fileOf.get(c.b_hash)!, line: c.b_line }, why: c.why })),
  };
}
