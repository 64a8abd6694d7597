/**
 * The HTTP API: a thin adapter over the library (src/api.ts), described by OpenAPI at
 * /openapi.json. Scenarios are posted as YAML or JSON text and parsed with positions, so a
 * mistake comes back as `{errors: [{file, line, col, message}]}` with status 400.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultWorkspace, engineInput, runScenario, scenarioAcrossReadings, type RunOptions, type Workspace } from '../api.js';
import { cascadeAsync, cascadeSteps } from '../cascade/cascade.js';
import { readingCatalog, selectReadings } from '../engine/readings.js';
import { PassThrough } from 'node:stream';
import { DEFAULT_MAX_ROUNDS, DEFAULT_RUNS, DEFAULT_SEED, MAX_ROUNDS, SERVER_MAX_RUNS, parseCompliance, parseEscalation, parseSeed, positiveInt } from '../cascade/options.js';
import { parseScenarioText } from '../scenario/scenario.js';
import { CasusError } from '../language/diagnostics.js';
import { statementsOf } from '../language/ast.js';
import { printStatement } from '../language/printer.js';
import { evaluate } from '../engine/evaluate.js';
import { scenarioFiles } from '../cli/commands/core.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openApiDocument } from './openapi.js';
import { didYouMean } from '../language/diagnostics.js';
import { isValidDate } from '../language/yaml-source.js';
import type { TreatyFile } from '../language/ast.js';
import { corpusCodes } from '../corpus/codes.js';
import { compareTreaties } from '../corpus/compare.js';
import { networkAt } from '../corpus/network.js';
import { toSvg } from '../corpus/svg.js';
import { ingestDocuments, DEFAULT_TREATY } from '../commentary/index.js';
import { fromRoot } from '../paths.js';

/** The workbench's sources; its script is bundled from app.ts on first request. */
const WEB_DIR = fromRoot('src', 'web');
let script: Promise<string> | null = null;
function workbenchScript(): Promise<string> {
  // app.ts and the modules it imports (types from elsewhere in src are erased), as one script
  script ??= build({ entryPoints: [path.join(WEB_DIR, 'app.ts')], bundle: true, write: false, format: 'esm', target: 'es2022', logLevel: 'silent' }).then(
    (r) => r.outputFiles[0]!.text,
    (e: unknown) => {
      script = null; // try again on the next request
      throw e;
    },
  );
  return script;
}

/** A mistake in a query parameter: 400 with the parameter named in the message (no file position). */
function badQuery(name: string, message: string): Error {
  return Object.assign(new Error(`query parameter '${name}': ${message}`), { statusCode: 400 });
}

function dateParam(name: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === '') {
    if (required) throw badQuery(name, 'missing; expected a date YYYY-MM-DD');
    return undefined;
  }
  if (typeof value !== 'string' || !isValidDate(value)) throw badQuery(name, `expected a date YYYY-MM-DD, found '${String(value)}'`);
  return value;
}

/** A query parameter given once (a repeated one is a mistake), or undefined. */
function single(name: string, value: unknown): string | undefined {
  if (Array.isArray(value)) throw badQuery(name, `given ${value.length} times; give it once`);
  return value === undefined || value === '' ? undefined : String(value);
}

export interface ServerOptions {
  workspace?: Workspace;
  logger?: boolean;
}

interface RunQuery {
  position?: string;
  as_of?: string;
  reading?: string | string[];
  treaties?: string;
  across_readings?: string;
}

function runOptions(q: RunQuery): RunOptions {
  const readings = q.reading === undefined ? [] : Array.isArray(q.reading) ? q.reading : [q.reading];
  return {
    asOf: q.as_of,
    readings,
    treaties: q.treaties === undefined ? undefined : q.treaties === 'all' ? 'all' : q.treaties.split(','),
  };
}

export function buildServer(opts: ServerOptions = {}): FastifyInstance {
  const ws = opts.workspace ?? defaultWorkspace();
  const app = Fastify({ logger: opts.logger ?? false });
  const treatyIds = () => new Set(ws.corpus.treaties.keys());

  // scenarios arrive as text so that errors can point into it
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof CasusError) {
      void reply.status(400).send({ errors: err.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.col, message: d.message })) });
      return;
    }
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    void reply.status(status).send({ errors: [{ file: null, line: 0, col: 0, message: status >= 500 ? 'internal error' : (err as Error).message }] });
  });

  const scenarioFrom = (body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
    return parseScenarioText(text, 'request', { world: ws.world, treaties: treatyIds() });
  };

  app.get('/openapi.json', async () => openApiDocument());
  app.get('/health', async () => ({ ok: true, treaties: ws.corpus.treaties.size }));

  app.get('/treaties', async (req) => {
    const asOf = (req.query as { as_of?: string }).as_of;
    const today = asOf ?? new Date().toISOString().slice(0, 10);
    const treaties = [...ws.corpus.treaties.values()];
    const status = evaluate({ treaties, world: ws.world, events: [], asOf: today, only: [] }).treaties;
    return treaties
      .map((t) => ({ id: t.meta.id, title: t.meta.title, short_title: t.meta.shortTitle, parties: t.meta.parties, signed: t.meta.signed.date, status: status.find((s) => s.id === t.meta.id) ?? null }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  });

  /** Treaties named in a query parameter ('all' for the whole corpus, sorted by id); unknown ids are a 400 with a suggestion. */
  const treatiesParam = (name: string, ids: string[]): TreatyFile[] => {
    if (ids.length === 1 && ids[0] === 'all') return [...ws.corpus.treaties.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
    return ids.map((id) => {
      const t = ws.corpus.treaties.get(id);
      if (!t) throw badQuery(name, `unknown treaty '${id}'${didYouMean(id, ws.corpus.treaties.keys())}; known: ${[...ws.corpus.treaties.keys()].sort().join(', ')}`);
      return t;
    });
  };

  const treatyOr404 = (id: string) => {
    const t = ws.corpus.treaties.get(id);
    if (!t) throw Object.assign(new Error(`unknown treaty '${id}'`), { statusCode: 404 });
    return t;
  };

  app.get('/treaties/:id', async (req) => {
    const t = treatyOr404((req.params as { id: string }).id);
    return {
      id: t.meta.id,
      title: t.meta.title,
      parties: t.meta.parties,
      signed: t.meta.signed,
      sources: t.meta.sources,
      notes: t.meta.notes,
      articles: t.articles.map((a) => ({
        key: a.key,
        label: a.label,
        title: a.title,
        status: a.status,
        sources: a.sources,
        aliases: a.aliases,
        text: a.text,
        rules: a.blocks.flatMap((b) => b.statements.map(printStatement)),
      })),
    };
  });

  app.get('/treaties/:id/readings', async (req) => {
    const t = treatyOr404((req.params as { id: string }).id);
    return statementsOf(t, 'reading').map((r) => ({ id: r.id, title: r.title, question: r.question, default: r.isDefault, holders: r.holders, summary: r.summary }));
  });

  app.get('/scenarios', async () =>
    scenarioFiles(true).map((f) => {
      const s = parseScenarioText(readFileSync(f, 'utf8'), f, { world: ws.world, treaties: treatyIds() });
      return { id: path.basename(f, '.yaml'), title: s.title, file: f };
    }),
  );
  app.get('/scenarios/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const f = scenarioFiles(true).find((x) => path.basename(x, '.yaml') === id);
    if (!f) throw Object.assign(new Error(`unknown scenario '${id}'`), { statusCode: 404 });
    void reply.type('application/yaml');
    return readFileSync(f, 'utf8');
  });

  // the corpus layer: the alliance network at a date, provision codes, clause-by-clause comparison
  app.get('/network', async (req, reply) => {
    const q = req.query as { as_of?: string; format?: string };
    const asOf = dateParam('as_of', q.as_of, true)!;
    const format = q.format ?? 'json';
    if (format !== 'json' && format !== 'svg') throw badQuery('format', `expected json or svg, found '${format}'`);
    const n = networkAt([...ws.corpus.treaties.values()], ws.world, asOf);
    if (format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(toSvg(n));
    return n;
  });

  app.get('/codes', async (req) => {
    const id = (req.query as { treaty?: string }).treaty ?? 'all';
    return corpusCodes(treatiesParam('treaty', [id]));
  });

  app.get('/compare', async (req) => {
    const raw = (req.query as { treaties?: string }).treaties;
    if (!raw) throw badQuery('treaties', 'missing; expected two or more comma-separated treaty ids, e.g. sun-prk-1961,rus-prk-2024');
    const ids = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (ids.length < 2) throw badQuery('treaties', `a comparison needs at least two treaty ids, found ${ids.length}`);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw badQuery('treaties', `treaty '${twice}' is named twice`);
    return compareTreaties(treatiesParam('treaties', ids), ws.world);
  });

  // the commentary layer: one document (text or HTML, sent as raw bytes) read against a treaty;
  // nothing is stored. Its own scope, so that every body arrives as bytes (binary and invalid
  // UTF-8 are reported by the pipeline with their position) without changing the scenario parsers.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/ingest', async (req) => {
      const q = req.query as { date?: string; treaty?: string; name?: string };
      const date = dateParam('date', q.date, false);
      if (q.treaty === 'all') throw badQuery('treaty', "expected one treaty id, not 'all'");
      const treaty = treatiesParam('treaty', [q.treaty ?? DEFAULT_TREATY])[0]!;
      const html = /html/i.test(req.headers['content-type'] ?? '');
      const file = q.name || (html ? 'request.html' : 'request');
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0);
      return ingestDocuments([{ file, bytes }], { treaty, date });
    });
  });

  // the parsed scenario (dated events), for views such as the workbench timeline
  app.post('/scenario', async (req) => {
    const s = scenarioFrom(req.body);
    return { as_of: s.asOf, treaties: s.treaties, events: s.events.map((e) => ({ date: e.date, type: e.type, fields: e.fields })) };
  });

  // the workbench: one page and its script, compiled from TypeScript on first request
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8')));
  app.get('/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(await workbenchScript()));

  app.post('/run', async (req) => {
    const q = req.query as RunQuery;
    const s = scenarioFrom(req.body);
    const o = runOptions(q);
    const out = runScenario(s, ws, o);
    return q.across_readings === 'true' ? { ...out, across_readings: scenarioAcrossReadings(s, ws, o) } : out;
  });

  // alliance cascades: a seeded Monte Carlo over the defence rules in force (src/cascade)
  app.post('/cascade', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const fail = (name: string) => (message: string) => badQuery(name, message);
    const runsText = single('runs', q.runs) ?? String(DEFAULT_RUNS);
    const runs = positiveInt(runsText, SERVER_MAX_RUNS, (m) =>
      badQuery(
        'runs',
        Number.isInteger(Number(runsText)) && Number(runsText) > SERVER_MAX_RUNS
          ? `found '${runsText}', but this server runs at most ${SERVER_MAX_RUNS} per request (a large cascade takes about 0.1 s per run); the CLI (casus cascade --runs) has no such limit`
          : m,
      ),
    );
    const seed = parseSeed(single('seed', q.seed) ?? String(DEFAULT_SEED), fail('seed'));
    const compliance = parseCompliance(single('comply', q.comply), fail('comply'));
    const escalation = parseEscalation(single('escalation', q.escalation) ?? 'assistance-is-attack', fail('escalation'));
    const maxRounds = positiveInt(single('max_rounds', q.max_rounds) ?? String(DEFAULT_MAX_ROUNDS), MAX_ROUNDS, fail('max_rounds'));
    const treatiesText = single('treaties', q.treaties) ?? 'all';
    const ids = treatiesText.split(',').map((x) => x.trim()).filter((x) => x !== '');
    if (ids.length === 0) throw badQuery('treaties', "expected 'all' or comma-separated treaty ids");
    treatiesParam('treaties', ids); // unknown ids: a 400 naming the parameter, with a suggestion
    const readings = q.reading === undefined ? [] : (Array.isArray(q.reading) ? q.reading : [q.reading]).map(String).filter((r) => r !== '');
    const stream = single('stream', q.stream) === 'true';
    const s = scenarioFrom(req.body);
    const input = engineInput(s, ws, { treaties: ids.length === 1 && ids[0] === 'all' ? 'all' : ids, readings });
    try {
      selectReadings(readingCatalog(input.treaties), input.readings); // a bad reading is a 400 before any work
      const opts = { treaties: input.treaties, world: ws.world, events: input.events, asOf: input.asOf, readings: input.readings, runs, seed, compliance, escalation, maxRounds };
      if (!stream) return await cascadeAsync(opts);
      // stream=true: one NDJSON line per run done ({done, total}), then {result}: progress for the workbench
      const out = new PassThrough();
      void (async () => {
        try {
          const steps = cascadeSteps(opts);
          for (;;) {
            const r = steps.next();
            if (r.done) {
              out.end(JSON.stringify({ result: r.value }) + '\n');
              return;
            }
            out.write(JSON.stringify({ done: r.value, total: runs }) + '\n');
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        } catch (e) {
          out.end(JSON.stringify({ errors: [{ file: null, line: 0, col: 0, message: e instanceof Error ? e.message : String(e) }] }) + '\n');
        }
      })();
      return reply.type('application/x-ndjson; charset=utf-8').send(out);
    } catch (e) {
      // an unknown reading surfaces from the engine as a mistake in the CLI's --reading
      const d = e instanceof CasusError ? e.diagnostics[0] : undefined;
      if (d?.file === '--reading') throw badQuery('reading', d.message.replace("run 'casus readings <treaty>' to list them", 'GET /treaties/{id}/readings lists them'));
      throw e;
    }
  });

  // the states' names, for views that show codes (the cascade's chart)
  app.get('/states', async () => [...ws.world.states.values()].map((st) => ({ id: st.code, name: st.name, historical: st.historical })).sort((a, b) => (a.id < b.id ? -1 : 1)));

  app.post('/explain', async (req) => {
    const q = req.query as RunQuery;
    if (!q.position) throw Object.assign(new Error("missing query parameter 'position'"), { statusCode: 400 });
    const s = scenarioFrom(req.body);
    const id = q.position;
    const out = runScenario(s, ws, runOptions(q));
    const p = out.positions.find((x) => x.id === id);
    if (!p) throw Object.assign(new Error(`no position '${id}' in this run`), { statusCode: 404 });
    return p;
  });

  return app;
}
