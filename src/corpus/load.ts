/**
 * The corpus: every treaty file under treaties/, parsed and checked together (so that
 * `supersedes` and scenario `treaty` fields can be resolved across files).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TreatyFile } from '../language/ast.js';
import { parseTreatyText } from '../language/treaty-file.js';
import { checkTreaty } from '../language/check.js';
import { CasusError, type Diagnostic } from '../language/diagnostics.js';
import { readFileSync } from 'node:fs';
import { defaultWorld, type World } from '../world/world.js';
import { fromRoot } from '../paths.js';

export const TREATIES_DIR = fromRoot('treaties');

export interface Corpus {
  treaties: Map<string, TreatyFile>;
  warnings: Diagnostic[];
}

export function treatyFiles(dir = TREATIES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.casus.md'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Parse and check files together; all errors of all files are reported at once. */
export function loadCorpus(files: string[] = treatyFiles(), world: World = defaultWorld()): Corpus {
  const parsed: TreatyFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    try {
      parsed.push(parseTreatyText(readFileSync(f, 'utf8'), path.relative(process.cwd(), f) || f));
    } catch (e) {
      if (e instanceof CasusError) diagnostics.push(...e.diagnostics);
      else if ((e as NodeJS.ErrnoException).code === 'ENOENT') diagnostics.push({ file: f, line: 0, col: 0, severity: 'error', message: 'no such file' });
      else throw e;
    }
  }
  const ids = new Set(parsed.map((t) => t.meta.id));
  const treaties = new Map<string, TreatyFile>();
  for (const t of parsed) {
    if (treaties.has(t.meta.id)) diagnostics.push({ file: t.file, line: 2, col: 1, severity: 'error', message: `duplicate treaty id '${t.meta.id}' (also in ${treaties.get(t.meta.id)!.file})` });
    treaties.set(t.meta.id, t);
    diagnostics.push(...checkTreaty(t, world, ids));
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new CasusError(errors);
  return { treaties, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

let cached: Corpus | null = null;
/** The default corpus (treaties/), loaded once per process. */
export function defaultCorpus(): Corpus {
  cached ??= loadCorpus();
  return cached;
}

/** The treaties a run needs: those named, plus those they supersede or are superseded by. */
export function withRelated(ids: string[], corpus: Map<string, TreatyFile>): TreatyFile[] {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of corpus.values())
      for (const a of t.articles)
        for (const b of a.blocks)
          for (const s of b.statements)
            if (s.kind === 'supersedes' && corpus.has(s.treaty)) {
              const before = out.size;
              if (out.has(t.meta.id)) out.add(s.treaty);
              if (out.has(s.treaty)) out.add(t.meta.id);
              if (out.size > before) grew = true;
            }
  }
  return [...out].map((id) => corpus.get(id)!).filter(Boolean);
}
