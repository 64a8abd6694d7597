/** The OpenAPI 3.1 description of the HTTP API; the scenario schema is the published one. */
import { scenarioJsonSchema } from '../scenario/scenario.js';
import { DEFAULT_COMPLIANCE, DEFAULT_MAX_ROUNDS, DEFAULT_RUNS, DEFAULT_SEED, MAX_ROUNDS, SERVER_MAX_RUNS } from '../cascade/options.js';

const explanation = {
  type: 'object',
  required: ['text', 'because'],
  properties: { text: { type: 'string' }, because: { type: 'array', items: { $ref: '#/components/schemas/Explanation' } } },
};

const position = {
  type: 'object',
  required: ['id', 'treaty', 'article', 'modality', 'bearer', 'counterparty', 'action', 'status', 'since', 'depends_on_readings', 'explanation'],
  properties: {
    id: { type: 'string', example: 'rus-prk-2024/art4.assist/PRK-RUS' },
    treaty: { type: 'string' },
    article: { type: 'string' },
    modality: { enum: ['obligation', 'permission', 'prohibition'] },
    bearer: { type: 'string' },
    counterparty: { type: ['string', 'null'] },
    action: { type: 'string' },
    status: { enum: ['not-in-force', 'not-triggered', 'triggered', 'fulfilled', 'violated', 'expired'] },
    since: { type: ['string', 'null'], format: 'date' },
    depends_on_readings: { type: 'array', items: { type: 'string' } },
    explanation: { $ref: '#/components/schemas/Explanation' },
  },
};

const runOutput = {
  type: 'object',
  required: ['as_of', 'readings', 'treaties', 'positions'],
  properties: {
    as_of: { type: 'string', format: 'date' },
    readings: { type: 'array', items: { type: 'string' } },
    treaties: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, status: { enum: ['not-signed', 'signed', 'in-force', 'terminated', 'superseded'] }, since: { type: ['string', 'null'] } } },
    },
    positions: { type: 'array', items: { $ref: '#/components/schemas/Position' } },
    across_readings: {
      type: 'array',
      items: { type: 'object', properties: { position: { type: 'string' }, question: { type: 'string' }, statuses: { type: 'object', additionalProperties: { type: 'string' } } } },
    },
  },
};

const errors = {
  type: 'object',
  properties: {
    errors: {
      type: 'array',
      items: { type: 'object', properties: { file: { type: ['string', 'null'] }, line: { type: 'integer' }, col: { type: 'integer' }, message: { type: 'string' } } },
    },
  },
};

const runParams = [
  { name: 'as_of', in: 'query', schema: { type: 'string', format: 'date' }, description: "judge at this date instead of the scenario's as_of" },
  { name: 'reading', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'readings to choose (repeatable)' },
  { name: 'treaties', in: 'query', schema: { type: 'string' }, description: "comma-separated treaty ids, or 'all'" },
];

const scenarioBody = {
  required: true,
  description: 'A scenario, as YAML or JSON text (the same format as scenario files).',
  content: {
    'application/yaml': { schema: { $ref: '#/components/schemas/Scenario' } },
    'application/json': { schema: { $ref: '#/components/schemas/Scenario' } },
  },
};

const str = { type: 'string' };
const strs = { type: 'array', items: str };
const nullableStr = { type: ['string', 'null'] };
const dateParam = (name: string, required: boolean, description: string) => ({ name, in: 'query', required, schema: { type: 'string', format: 'date' }, description });

const network = {
  type: 'object',
  required: ['as_of', 'nodes', 'treaties', 'edges'],
  properties: {
    as_of: { type: 'string', format: 'date' },
    nodes: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { ...str, example: 'PRK' }, name: str } } },
    treaties: {
      type: 'array',
      description: 'treaties in force at the date (and signed ones whose entry into force is not recorded: certainty "unverified")',
      items: { type: 'object', properties: { id: str, status: str, since: nullableStr, parties: strs, certainty: { enum: ['in-force', 'unverified'] } } },
    },
    edges: {
      type: 'array',
      description: 'one per treaty, provision code and pair of states; undirected when the duty is owed both ways (then a < b), else a is the bearer',
      items: {
        type: 'object',
        properties: { a: str, b: str, directed: { type: 'boolean' }, type: { $ref: '#/components/schemas/CodeKind' }, treaty: str, rules: strs, certainty: { enum: ['in-force', 'unverified'] } },
      },
    },
  },
};

const codeKind = { enum: ['defence', 'offence', 'neutrality', 'non-aggression', 'consultation', 'no-competing-alliance', 'no-hostile-territory-use', 'military-aid', 'bases'] };

const treatyCodes = {
  type: 'object',
  required: ['treaty', 'title', 'short_title', 'parties', 'duration', 'supersedes', 'codes', 'variations'],
  properties: {
    treaty: str,
    title: str,
    short_title: nullableStr,
    parties: strs,
    duration: nullableStr,
    supersedes: strs,
    codes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { ...str, example: 'rus-prk-2024/art4.assist:defence' },
          treaty: str,
          code: { $ref: '#/components/schemas/CodeKind' },
          atop: nullableStr,
          modality: { enum: ['obligation', 'permission', 'prohibition'] },
          bearers: strs,
          owed_to: strs,
          conditions: {
            type: 'object',
            properties: {
              trigger: strs,
              named_adversary: strs,
              geographic_limit: strs,
              automaticity: { enum: ['automatic', 'discretionary', 'unspecified'] },
              deadline: nullableStr,
              requires_state_of_war: { type: 'boolean' },
              requires_prior_consultation: { type: 'boolean' },
              un_art51: { enum: ['none', 'reference', 'operative'] },
              domestic_law_gate: { type: 'boolean' },
            },
          },
          rule: { type: 'object', properties: { treaty: str, article: str, label: str, rule: str, title: nullableStr, text_status: str } },
          depends_on: { ...strs, description: 'questions whose readings change this code' },
        },
      },
    },
    variations: {
      type: 'array',
      description: 'how each non-default reading changes the codes',
      items: {
        type: 'object',
        properties: {
          question: str,
          reading: str,
          default_reading: str,
          changes: { type: 'array', items: { type: 'object', properties: { id: str, code: { $ref: '#/components/schemas/CodeKind' }, field: str, from: str, to: str } } },
        },
      },
    },
  },
};

const comparison = {
  type: 'object',
  required: ['treaties', 'rows'],
  properties: {
    treaties: { type: 'array', items: { type: 'object', properties: { id: str, title: str, short_title: nullableStr } } },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['section', 'field', 'values', 'differs'],
        properties: {
          section: { ...str, description: "'lifecycle' or a provision code (defence, consultation, …)" },
          field: { ...str, description: "'present', 'clauses', 'bearers', a condition, or a lifecycle fact" },
          values: { type: 'object', additionalProperties: str, description: 'treaty id → cell text; "X under R" gives the value under reading R' },
          differs: { type: 'boolean' },
        },
      },
    },
  },
};

const line = { type: 'integer', minimum: 1 };
const ingestResult = {
  type: 'object',
  required: ['documents', 'near_duplicates', 'contradictions'],
  properties: {
    documents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['file', 'date', 'quotes', 'article_refs', 'claims', 'events'],
        properties: {
          file: str,
          date: nullableStr,
          quotes: { type: 'array', items: { type: 'object', properties: { speaker: str, affiliation: nullableStr, text: str, line, start: { type: 'integer' }, end: { type: 'integer' } } } },
          article_refs: { type: 'array', items: { type: 'object', properties: { treaty: str, article: str, kind: { enum: ['explicit', 'implicit'] }, span: str, line } } },
          claims: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                holder: str,
                text: str,
                line,
                articles: strs,
                readings: strs,
                fact_check: {
                  oneOf: [{ type: 'null' }, { type: 'object', properties: { verdict: { enum: ['true', 'false', 'unverifiable'] }, fact: str, source: str } }],
                },
              },
            },
          },
          events: { type: 'array', items: { type: 'object', properties: { date: { ...str, description: 'YYYY-MM-DD, YYYY-MM or YYYY' }, label: str, line } } },
        },
      },
    },
    near_duplicates: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          a: { type: 'object', properties: { file: str, lines: { type: 'array', items: line } } },
          b: { type: 'object', properties: { file: str, lines: { type: 'array', items: line } } },
          similarity: { type: 'number' },
        },
      },
    },
    contradictions: {
      type: 'array',
      items: { type: 'object', properties: { a: { type: 'object', properties: { file: str, line } }, b: { type: 'object', properties: { file: str, line } }, why: str } },
    },
  },
};

const probability = { type: 'number', minimum: 0, maximum: 1 };
const automaticity = { enum: ['automatic', 'discretionary', 'unspecified'] };
const cascadeRun = {
  type: 'object',
  required: ['rounds', 'decisions', 'belligerents'],
  properties: {
    rounds: { type: 'integer', minimum: 0 },
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['round', 'position', 'treaty', 'bearer', 'counterparty', 'automaticity', 'date', 'honoured'],
        properties: { round: { type: 'integer' }, position: str, treaty: str, bearer: str, counterparty: str, automaticity, date: { ...str, description: 'YYYY-MM-DD' }, honoured: { type: 'boolean' } },
      },
    },
    belligerents: { ...strs, description: 'states attacking, attacked or fighting on a side, sorted' },
  },
};
const cascadeResult = {
  type: 'object',
  required: ['runs', 'seed', 'as_of', 'readings', 'assumptions', 'bounds', 'states', 'duties', 'belligerents_distribution', 'mean_rounds'],
  properties: {
    runs: { type: 'integer', minimum: 1 },
    seed: { type: 'integer' },
    as_of: { ...str, format: 'date' },
    readings: strs,
    assumptions: {
      type: 'object',
      description: 'the modelling assumptions the result was computed under: chosen by the user (or the illustrative defaults), not estimates',
      required: ['compliance', 'escalation', 'max_rounds', 'note'],
      properties: {
        compliance: { type: 'object', required: ['automatic', 'discretionary', 'unspecified'], properties: { automatic: probability, discretionary: probability, unspecified: probability } },
        escalation: { enum: ['assistance-is-attack', 'none'] },
        max_rounds: { type: 'integer' },
        note: str,
      },
    },
    bounds: {
      type: 'object',
      description: 'the two deterministic bounds: every due duty honoured, and none honoured',
      required: ['all_honoured', 'none_honoured'],
      properties: { all_honoured: { $ref: '#/components/schemas/CascadeRun' }, none_honoured: { $ref: '#/components/schemas/CascadeRun' } },
    },
    states: {
      type: 'array',
      description: 'per state, sorted: the share of runs in which it is a belligerent, and in which one of its defence duties falls due',
      items: { type: 'object', required: ['state', 'p_belligerent', 'p_duty_due'], properties: { state: str, p_belligerent: probability, p_duty_due: probability } },
    },
    duties: {
      type: 'array',
      description: 'every defence duty that fell due in at least one run',
      items: { type: 'object', required: ['position', 'automaticity', 'p_due', 'p_honoured_when_due'], properties: { position: str, automaticity, p_due: probability, p_honoured_when_due: probability } },
    },
    belligerents_distribution: { type: 'object', additionalProperties: probability, description: 'number of belligerents → share of runs' },
    mean_rounds: { type: 'number' },
  },
};

const json = (ref: string, description: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

export function openApiDocument(): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...scenario } = scenarioJsonSchema();
  void _s;
  void _i;
  return {
    openapi: '3.1.0',
    info: { title: 'casus', version: '0.1.0', description: 'Treaties you can run: dated events in, every party’s obligations, permissions and prohibitions out, each explained.' },
    paths: {
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok' } } } },
      '/treaties': {
        get: {
          summary: 'The corpus, with each treaty’s status at a date',
          parameters: [{ name: 'as_of', in: 'query', schema: { type: 'string', format: 'date' } }],
          responses: { 200: { description: 'treaties' } },
        },
      },
      '/treaties/{id}': {
        get: { summary: 'One treaty: metadata and articles with their rules', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'treaty' }, 404: json('Errors', 'unknown treaty') } },
      },
      '/treaties/{id}/readings': {
        get: { summary: 'Contested questions and their attributed readings', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'readings' }, 404: json('Errors', 'unknown treaty') } },
      },
      '/network': {
        get: {
          summary: 'The alliance network at a date: states as nodes, obligations in force as typed edges',
          parameters: [
            dateParam('as_of', true, 'the date (YYYY-MM-DD)'),
            { name: 'format', in: 'query', schema: { enum: ['json', 'svg'], default: 'json' }, description: 'json, or a standalone SVG drawing with a legend' },
          ],
          responses: {
            200: { description: 'the network', content: { 'application/json': { schema: { $ref: '#/components/schemas/Network' } }, 'image/svg+xml': { schema: { type: 'string' } } } },
            400: json('Errors', 'missing or invalid date, or unknown format'),
          },
        },
      },
      '/codes': {
        get: {
          summary: 'Provision codes derived from the rules (defence, consultation, …), each citing its rule, with how other readings change them',
          parameters: [{ name: 'treaty', in: 'query', schema: { type: 'string', default: 'all' }, description: "a treaty id, or 'all'" }],
          responses: { 200: { description: 'one entry per treaty, sorted by id', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/TreatyCodes' } } } } }, 400: json('Errors', 'unknown treaty') },
        },
      },
      '/compare': {
        get: {
          summary: 'Treaties aligned clause by function (defence beside defence, …), with the rows that differ marked',
          parameters: [{ name: 'treaties', in: 'query', required: true, schema: { type: 'string' }, example: 'sun-prk-1961,rus-prk-2000,rus-prk-2024', description: 'two or more comma-separated treaty ids' }],
          responses: { 200: json('Comparison', 'the comparison'), 400: json('Errors', 'fewer than two treaties, a treaty named twice, or an unknown treaty') },
        },
      },
      '/ingest': {
        post: {
          summary: 'Read one article about a treaty: quotes and speakers, article references, claims with readings and fact checks, dated events, near-duplicates, contradictions. Nothing is stored.',
          parameters: [
            dateParam('date', false, 'the document’s date, for relative dates ("next year") and fact checks; otherwise a date found in the document'),
            { name: 'treaty', in: 'query', schema: { type: 'string', default: 'rus-prk-2024' }, description: 'the treaty the article is about' },
            { name: 'name', in: 'query', schema: { type: 'string' }, description: 'a name for the document, used in the output and in errors (a name ending .html marks HTML)' },
          ],
          requestBody: {
            required: true,
            description: 'The document as UTF-8 text or HTML (the bytes as they are; HTML is also recognised by its content type or a leading <!doctype html>).',
            content: { 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } }, 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: { 200: json('IngestResult', 'the commentary contract of casus ingest --json'), 400: json('Errors', 'empty, binary or non-UTF-8 input (with line and column), an invalid date, or an unknown treaty') },
        },
      },
      '/cascade': {
        post: {
          summary:
            'Alliance cascade: a seeded Monte Carlo over the defence rules in force. Round by round every due defence duty is honoured or not (with a probability per automaticity class); under the escalation assumption an honoured duty is an attack on the attacker, which may engage its allies. Deterministic for a given seed. The probabilities are assumptions, not estimates, and are repeated in every result.',
          parameters: [
            { name: 'runs', in: 'query', schema: { type: 'integer', minimum: 1, maximum: SERVER_MAX_RUNS, default: DEFAULT_RUNS }, description: `simulated runs; at most ${SERVER_MAX_RUNS} on this server (a large cascade takes about 0.1 s per run)` },
            { name: 'seed', in: 'query', schema: { type: 'integer', default: DEFAULT_SEED }, description: 'random seed: the same seed and inputs give the same bytes' },
            { name: 'stream', in: 'query', schema: { type: 'boolean', default: false }, description: 'true: answer as NDJSON, one {done, total} line per run, then {result} (or {errors}); for progress bars' },
            {
              name: 'comply',
              in: 'query',
              schema: { type: 'string', default: Object.entries(DEFAULT_COMPLIANCE).map(([k, v]) => `${k}=${v}`).join(',') },
              example: 'automatic=0.9,discretionary=0.4',
              description: 'probability of honouring a due duty, by automaticity class (CLASS=P, comma-separated; classes not named keep the illustrative default)',
            },
            { name: 'escalation', in: 'query', schema: { enum: ['assistance-is-attack', 'none'], default: 'assistance-is-attack' }, description: "assistance-is-attack: a helper fights the attacker, which can engage the attacker's allies; none: the cascade stops at the first ring" },
            { name: 'max_rounds', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_ROUNDS, default: DEFAULT_MAX_ROUNDS } },
            { name: 'treaties', in: 'query', schema: { type: 'string', default: 'all' }, description: "treaties to consider: 'all' or comma-separated ids" },
            { name: 'reading', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'readings to choose (repeatable)' },
          ],
          requestBody: scenarioBody,
          responses: {
            200: json('CascadeResult', 'the result (the contract of casus cascade --json)'),
            400: json('Errors', 'a bad parameter (named in the message: runs over the limit, a probability outside 0–1, an unknown escalation, treaty or reading) or a bad scenario (with line and column)'),
          },
        },
      },
      '/states': { get: { summary: 'The states treaties and scenarios may name: ISO 3166-1 alpha-3 code and name', responses: { 200: { description: 'states sorted by code' } } } },
      '/scenarios': { get: { summary: 'Bundled example scenarios', responses: { 200: { description: 'scenario list' } } } },
      '/scenarios/{id}': { get: { summary: 'A bundled scenario as YAML', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'YAML' } } } },
      '/scenario': {
        post: { summary: 'Parse a scenario: its dated events, or its errors with line and column', requestBody: scenarioBody, responses: { 200: { description: 'the parsed scenario' }, 400: json('Errors', 'the scenario has errors') } },
      },
      '/run': {
        post: {
          summary: 'Run a scenario: every party’s positions with explanations',
          parameters: [...runParams, { name: 'across_readings', in: 'query', schema: { type: 'boolean' } }],
          requestBody: scenarioBody,
          responses: { 200: json('RunOutput', 'positions (the stable contract of casus run --json)'), 400: json('Errors', 'the scenario has errors, with line and column') },
        },
      },
      '/explain': {
        post: {
          summary: 'One position and its explanation tree',
          parameters: [{ name: 'position', in: 'query', required: true, schema: { type: 'string' } }, ...runParams],
          requestBody: scenarioBody,
          responses: { 200: json('Position', 'the position'), 400: json('Errors', 'bad scenario'), 404: json('Errors', 'no such position') },
        },
      },
    },
    components: { schemas: { Scenario: scenario, RunOutput: runOutput, Position: position, Explanation: explanation, Errors: errors, Network: network, CodeKind: codeKind, TreatyCodes: treatyCodes, Comparison: comparison, IngestResult: ingestResult, CascadeResult: cascadeResult, CascadeRun: cascadeRun } },
  };
}
