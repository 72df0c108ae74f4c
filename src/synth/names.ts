/**
 * Made-up names for the synthetic graph: pronounceable, clearly fictional, and turned into
 * valid slugs. Nothing here names a real company or publication.
 */
import type { Rng } from './prng.ts';

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'qu',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'cr',
  'dr',
  'fl',
  'gr',
  'kr',
  'pl',
  'pr',
  'st',
  'tr',
  'vr',
  'x',
  'th',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'ea', 'y'];
const CODAS = ['', '', 'n', 'r', 'x', 'l', 's', 'th', 'm', 'nt', 'rk', 'sh', 'v'];

/** Suffixes by organization kind, so a name hints at what the organization does. */
export const KIND_SUFFIXES: Record<string, readonly string[]> = {
  ai_lab: ['AI', 'Labs', 'Intelligence', 'Research', 'Minds'],
  hyperscaler: ['Cloud', 'Systems', 'Platforms'],
  cloud_provider: ['Cloud', 'Compute', 'Hosting'],
  neocloud: ['GPU Cloud', 'Compute', 'Cores'],
  chip_designer: ['Semiconductor', 'Silicon', 'Microsystems', 'Chips'],
  foundry: ['Foundry', 'Fab', 'Manufacturing'],
  investor: ['Capital', 'Ventures', 'Partners', 'Holdings'],
  sovereign_fund: ['Investment Authority', 'Sovereign Fund', 'State Holdings'],
  data_center_operator: ['Data Centers', 'Digital Infrastructure', 'Campus'],
  energy: ['Energy', 'Power', 'Utilities'],
  conglomerate: ['Group', 'Industries', 'Corporation'],
  other: ['Technologies', 'Networks', 'Software'],
};

export const PUBLISHERS = [
  'Daily Circuit',
  'Compute Ledger',
  'The Silicon Post',
  'Wire and Wafer',
  'Frontier Dispatch',
  'Datacenter Weekly',
  'Capital Signal',
  'The Inference Review',
  'Grid & Chip',
  'Model Times',
  'Northern Tech Journal',
  'Pacific Markets Daily',
] as const;

export const COUNTRIES = ['US', 'US', 'US', 'US', 'CN', 'GB', 'FR', 'DE', 'JP', 'KR', 'IN', 'CA', 'IL', 'AE', 'SA', 'SG', 'NL', 'TW', 'SE', 'CH'] as const;

export const TOPICS = [
  'GPU capacity',
  'training cluster',
  'inference capacity',
  'data center campus',
  'model licensing',
  'custom accelerator',
  'sovereign AI cloud',
  'research partnership',
  'power purchase',
  'networking fabric',
] as const;

/** Syllable runs that could spell something rude: a word containing one is drawn again. */
const AVOID = /cunt|fuck|shit|nig|fag|cum|tit|sex|rape|nazi|piss|dick|cock|slut|whor|anal|porn|kill|hell|damn|crap|butt|arse/;

function word(rng: Rng, syllables: number): string {
  for (;;) {
    let w = '';
    for (let i = 0; i < syllables; i++) w += rng.pick(ONSETS) + rng.pick(VOWELS);
    w += rng.pick(CODAS);
    if (!AVOID.test(w)) return w[0]!.toUpperCase() + w.slice(1);
  }
}

/** A made-up brand like "Vraelix". */
export function brand(rng: Rng): string {
  return word(rng, rng.between(2, 3));
}

/** A lowercase slug of any text: a-z, 0-9 and single dashes. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
