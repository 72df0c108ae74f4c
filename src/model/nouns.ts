/** What each label is called in messages to people ("unknown organization", "a cloud service"). */
import type { NodeLabel } from './graph-model.ts';

export const NOUN: Readonly<Record<NodeLabel, string>> = {
  Organization: 'organization',
  Chip: 'chip',
  CloudService: 'cloud service',
  Source: 'source',
  Deal: 'deal',
  Exclusivity: 'exclusivity',
  Channel: 'channel',
  Restriction: 'restriction',
  StatusEntry: 'status entry',
  AmountReport: 'amount report',
  Tranche: 'tranche',
  AuditEntry: 'audit entry',
  Meta: 'server record',
};

/** The words with their indefinite article: "an organization", "a deal". */
export const withArticle = (words: string) => `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
