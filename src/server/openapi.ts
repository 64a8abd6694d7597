/** The OpenAPI 3.1 description of the HTTP API; the scenario schema is the published one. */
import { scenarioJsonSchema } from '../scenario/scenario.js';

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
    components: { schemas: { Scenario: scenario, RunOutput: runOutput, Position: position, Explanation: explanation, Errors: errors } },
  };
}
