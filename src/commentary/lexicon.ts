/** Loads lexicon.yaml (kept as data beside the code) and compiles its patterns. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from '../paths.js';

export interface ReadingCues {
  cues: RegExp[];
  requires: RegExp[];
  unless: RegExp[];
}

export interface KnownPerson {
  name: string;
  aliases: string[];
}

export interface Lexicon {
  speechVerbs: string[];
  speechVerbRe: RegExp;
  speechDocuments: string[];
  titles: Set<string>;
  roleModifiers: Set<string>;
  nationalities: string[];
  notNameWords: Set<string>;
  nonPersonHeads: Set<string>;
  familyNameFirst: Set<string>;
  people: KnownPerson[];
  countries: Record<string, string[]>;
  treatyWordRe: RegExp;
  otherTreatyMarkers: RegExp[];
  negations: RegExp[];
  contrastMarkers: RegExp[];
  claimVerbRe: RegExp;
  readings: Record<string, ReadingCues>;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const re = (s: string) => new RegExp(s, 'i');

let cached: Lexicon | null = null;

export function lexiconPath(): string {
  // the lexicon is data kept beside this code in src/ (a build copies only code)
  return fromRoot('src', 'commentary', 'lexicon.yaml');
}

export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const y = parse(readFileSync(lexiconPath(), 'utf8')) as Record<string, any>;
  const strings = (k: string): string[] => (y[k] as unknown[]).map(String);
  const speechVerbs = strings('speech_verbs').sort((a, b) => b.length - a.length);
  const readings: Record<string, ReadingCues> = {};
  for (const [id, r] of Object.entries(y.readings as Record<string, any>)) {
    readings[id] = {
      cues: ((r.cues ?? []) as string[]).map(re),
      requires: ((r.requires ?? []) as string[]).map(re),
      unless: ((r.unless ?? []) as string[]).map(re),
    };
  }
  cached = {
    speechVerbs,
    speechVerbRe: new RegExp(`\\b(?:${speechVerbs.map((v) => esc(v).replace(/^a/, '[Aa]')).join('|')})\\b`, 'g'),
    speechDocuments: strings('speech_documents'),
    titles: new Set(strings('titles')),
    roleModifiers: new Set(strings('role_modifiers')),
    nationalities: strings('nationalities').sort((a, b) => b.length - a.length),
    notNameWords: new Set(strings('not_name_words')),
    nonPersonHeads: new Set(strings('non_person_heads')),
    familyNameFirst: new Set(strings('family_name_first')),
    people: (y.people as any[]).map((p) => ({ name: String(p.name), aliases: (p.aliases ?? []).map(String) })),
    countries: y.countries as Record<string, string[]>,
    treatyWordRe: new RegExp(`\\b(?:${strings('treaty_words').map(esc).join('|')})s?\\b`, 'i'),
    otherTreatyMarkers: strings('other_treaty_markers').map(re),
    negations: strings('negations').map(re),
    contrastMarkers: strings('contrast_markers').map(re),
    claimVerbRe: re(String(y.claim_verbs)),
    readings,
  };
  return cached;
}
