import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, normalise, suggest } from './suggest.ts';

/** Plain Damerau-Levenshtein (optimal string alignment) by full recursion: the reference. */
function reference(a: string, b: string): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let d: number;
    if (i === 0) d = j;
    else if (j === 0) d = i;
    else {
      d = Math.min(go(i - 1, j) + 1, go(i, j - 1) + 1, go(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, go(i - 2, j - 2) + 1);
    }
    memo.set(key, d);
    return d;
  };
  return go(a.length, b.length);
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'm', 'o'), maxLength: 9 });

describe('editDistance', () => {
  it('equals the recursive reference on random words', () => {
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)));
  });

  it('with a bound, is exact up to the bound and above it past the bound', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = reference(a, b);
        const bounded = editDistance(a, b, max);
        return exact <= max ? bounded === exact : bounded > max;
      }),
    );
  });
});

describe('suggest', () => {
  const orgs = [
    { id: 'microsoft', forms: ['microsoft', 'Microsoft', 'MSFT'] },
    { id: 'openai', forms: ['openai', 'OpenAI', 'OpenAI Group PBC'] },
    { id: 'amazon', forms: ['amazon', 'Amazon'] },
    { id: 'aws', forms: ['aws', 'Amazon Web Services'] },
    { id: 'meta', forms: ['meta', 'Meta Platforms', 'Facebook'] },
  ];

  it('finds the id behind a typo, a swapped pair, a name or an alias', () => {
    expect(suggest('microsft', orgs)[0]).toBe('microsoft');
    expect(suggest('mircosoft', orgs)[0]).toBe('microsoft');
    expect(suggest('Open AI', orgs)[0]).toBe('openai');
    expect(suggest('facebok', orgs)[0]).toBe('meta');
    expect(suggest('amazon web', orgs)[0]).toBe('aws');
  });

  it('offers nothing for a wild guess', () => {
    expect(suggest('zzzzzz', orgs)).toEqual([]);
    expect(suggest('', orgs)).toEqual([]);
  });

  it('never offers more than asked, nor a candidate farther than the allowed edits', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (input, ids, max) => {
        const candidates = ids.map((id, i) => ({ id: `${id}-${i}`, forms: [id] }));
        const out = suggest(input, candidates, max);
        const q = normalise(input);
        return (
          out.length <= max &&
          out.every((id) => {
            const f = normalise(candidates.find((c) => c.id === id)!.forms[0]!);
            return f === q || (q.length >= 3 && f.includes(q)) || reference(q, f) <= allowedEdits(q.length);
          })
        );
      }),
    );
  });
});
