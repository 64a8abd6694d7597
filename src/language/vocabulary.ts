/**
 * The closed vocabulary shared by treaty files and scenarios: event types and their fields,
 * qualifiers, and the kinds of value a field takes. One place, so that the parser, the
 * scenario loader, the JSON Schema and the engine cannot disagree.
 */

export type FieldType = 'state' | 'territory' | 'treaty' | 'date' | 'text' | { enum: readonly string[] };

export interface FieldSpec {
  type: FieldType;
  required: boolean;
  doc: string;
}

export interface EventSpec {
  doc: string;
  fields: Record<string, FieldSpec>;
  /** lifecycle events concern one treaty: they carry a `treaty` field */
  lifecycle?: boolean;
}

export const ASSISTANCE_KINDS = ['military', 'economic', 'humanitarian', 'political', 'other'] as const;

const req = (type: FieldType, doc: string): FieldSpec => ({ type, required: true, doc });
const opt = (type: FieldType, doc: string): FieldSpec => ({ type, required: false, doc });
const treatyField = opt('treaty', 'which treaty (defaults to the scenario’s first treaty)');

export const EVENT_TYPES: Record<string, EventSpec> = {
  armed_attack: {
    doc: 'An armed attack by one state on another.',
    fields: {
      by: req('state', 'the attacking state'),
      on: req('state', 'the state attacked'),
      territory: opt('territory', 'where: a territory code (ISO 3166-2 or the state code); defaults to the attacked state'),
    },
  },
  declaration_of_war: {
    doc: 'A formal declaration of war (a state of war in the formal sense).',
    fields: { by: req('state', 'the declaring state'), on: req('state', 'the state war is declared on') },
  },
  imminent_threat: {
    doc: 'A direct threat of armed aggression against a state.',
    fields: { against: req('state', 'the threatened state'), by: opt('state', 'the threatening state, if known') },
  },
  consultation_request: {
    doc: 'A request by one party to another to consult.',
    fields: { by: req('state', 'requesting state'), to: req('state', 'requested state') },
  },
  consultations_held: {
    doc: 'Consultations actually held between two states.',
    fields: { by: req('state', 'one side'), with: req('state', 'the other side') },
  },
  assistance_provided: {
    doc: 'Assistance given by one state to another.',
    fields: {
      by: req('state', 'the giving state'),
      to: req('state', 'the receiving state'),
      kind: req({ enum: ASSISTANCE_KINDS }, 'what kind of assistance'),
    },
  },
  unilateral_sanctions: {
    doc: 'Unilateral coercive measures (not UN Security Council sanctions).',
    fields: { by: req('state', 'the state imposing them'), against: req('state', 'the target') },
  },
  sanctions_joined: {
    doc: 'A state joins or supports unilateral coercive measures imposed by another.',
    fields: { by: req('state', 'the joining state'), against: req('state', 'the target'), imposed_by: opt('state', 'the state that imposed them') },
  },
  third_party_agreement: {
    doc: 'An agreement or alliance between a state and a third state, directed against another.',
    fields: { party: req('state', 'the state entering it'), with: req('state', 'the third state'), against: req('state', 'the state it is directed against') },
  },
  territory_use: {
    doc: 'A state uses a territory (with its holder’s leave) against another state.',
    fields: { by: req('state', 'the state using it'), territory: req('territory', 'the territory used'), against: req('state', 'the target') },
  },
  un_charter_art51_report: {
    doc: 'A report to the UN Security Council under Article 51 of the UN Charter.',
    fields: { by: req('state', 'the reporting state') },
  },
  signature: {
    doc: 'Signature of a treaty.',
    lifecycle: true,
    fields: { treaty: treatyField, party: opt('state', 'the signing party (all, if omitted)') },
  },
  ratification: {
    doc: 'A party completes its ratification (its domestic steps).',
    lifecycle: true,
    fields: { treaty: treatyField, party: req('state', 'the ratifying party'), step: opt('text', 'the domestic step, e.g. "Duma vote"') },
  },
  domestic_step: {
    doc: 'One domestic step towards ratification (a vote, a signature of a law); informative only.',
    lifecycle: true,
    fields: { treaty: treatyField, party: req('state', 'the party'), step: req('text', 'what was done') },
  },
  exchange_of_instruments: {
    doc: 'Exchange of instruments of ratification.',
    lifecycle: true,
    fields: { treaty: treatyField },
  },
  entry_into_force: {
    doc: 'A recorded entry into force, where the mechanism is not modelled.',
    lifecycle: true,
    fields: { treaty: treatyField },
  },
  termination_notice: {
    doc: 'A party gives notice that it ends (denounces) the treaty.',
    lifecycle: true,
    fields: {
      treaty: treatyField,
      by: req('state', 'the party giving notice'),
      effective: opt('date', 'the date the notice says it takes effect, where the treaty sets no period'),
    },
  },
  termination: {
    doc: 'A recorded end of a treaty (lapse, denunciation, replacement), where the mechanism is not modelled.',
    lifecycle: true,
    fields: { treaty: treatyField, basis: opt('text', 'why it ended') },
  },
  accession: {
    doc: 'A state becomes a party.',
    lifecycle: true,
    fields: { treaty: treatyField, party: req('state', 'the acceding state') },
  },
  withdrawal: {
    doc: 'A state ceases to be a party.',
    lifecycle: true,
    fields: { treaty: treatyField, party: req('state', 'the withdrawing state') },
  },
};

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES).sort();

/**
 * Qualifiers on a rule: the words of the text that shape how strong a duty is. The corpus
 * layer derives provision codes (automaticity, gates) from them.
 */
export const QUALIFIERS: Record<string, string> = {
  immediately: 'without delay ("immediately", "forthwith")',
  'all-means': 'with all means at the bearer’s disposal',
  'as-deemed-necessary': 'such action as the bearer deems necessary (discretionary)',
  'constitutional-processes': 'in accordance with the bearer’s constitutional processes',
  'un-charter-art51': 'in accordance with Article 51 of the UN Charter (self-defence)',
  'domestic-law': 'in accordance with the parties’ national laws',
  'international-law': 'in accordance with international law / the UN Charter generally',
  'best-efforts': 'an obligation of conduct: efforts, not a result',
  'at-request': 'only at the request of a party',
  'report-to-security-council': 'measures are reported to the UN Security Council',
};
export const QUALIFIER_NAMES = Object.keys(QUALIFIERS).sort();

/** Territory readings are global: they decide whose territory a place is. */
export const TERRITORY_QUESTION = 'territory';
export const TERRITORY_READINGS = {
  'territory.international': 'A territory belongs to its sovereign under international law (UNGA resolutions 68/262 and ES-11/4).',
  'territory.claimed': 'A territory belongs to each state that claims it (each party’s own claims).',
} as const;
export const DEFAULT_TERRITORY_READING = 'territory.international';
