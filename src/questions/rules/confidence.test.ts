import { describe, expect, it } from 'vitest';
import { confidenceOf, meetsConfidence } from './confidence.ts';

describe('confidence of a fact', () => {
  it('is high with a primary source, or press from two publishers', () => {
    expect(confidenceOf([{ publisher: 'OpenAI', tier: 'primary' }])).toBe('high');
    expect(
      confidenceOf([
        { publisher: 'Reuters', tier: 'press' },
        { publisher: 'Bloomberg', tier: 'press' },
      ]),
    ).toBe('high');
  });
  it('is medium with press from one publisher only, however many articles', () => {
    expect(
      confidenceOf([
        { publisher: 'Reuters', tier: 'press' },
        { publisher: 'reuters ', tier: 'press' },
        { publisher: 'Blog', tier: 'secondary' },
      ]),
    ).toBe('medium');
  });
  it('is low with only secondary or ungraded sources', () => {
    expect(confidenceOf([{ publisher: 'Aggregator', tier: 'secondary' }, { publisher: 'X' }])).toBe('low');
    expect(confidenceOf([])).toBe('low');
  });
  it('caps a fact the parties never confirmed at medium', () => {
    expect(confidenceOf([{ publisher: 'OpenAI', tier: 'primary' }], 'reported')).toBe('medium');
    expect(confidenceOf([{ publisher: 'Blog', tier: 'secondary' }], 'reported')).toBe('low');
  });
  it('compares levels', () => {
    expect(meetsConfidence('medium', 'high')).toBe(false);
    expect(meetsConfidence('high', 'medium')).toBe(true);
    expect(meetsConfidence('low', null)).toBe(true);
  });
});
