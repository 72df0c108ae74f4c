import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMOUNT_QUALIFIERS, STATUSES, TRANCHE_KINDS } from '../../model/vocabulary.ts';
import {
  countedCapacity,
  dealMoney,
  partyMoney,
  splitAmounts,
  splitMoney,
  totalsByParty,
  type DealAmounts,
  type DealMoney,
  type PartyAmountRow,
  type PartyMoneyRow,
} from './commitments.ts';

const DEALS = ['d1', 'd2', 'd3', 'd4'];
const PARTIES = ['p1', 'p2', 'p3', 'p4'];
/** Whole dollars, so sums do not depend on the order of addition. */
const amount = fc.option(fc.integer({ min: 0, max: 10 ** 12 }), { nil: null });

/** Rows of up to four deals, each deal with one headline amount; a party may appear twice in a deal. */
const rows: fc.Arbitrary<PartyAmountRow[]> = fc
  .record({
    headlines: fc.array(amount, { minLength: DEALS.length, maxLength: DEALS.length }),
    parts: fc.array(fc.record({ deal: fc.integer({ min: 0, max: DEALS.length - 1 }), party: fc.constantFrom(...PARTIES), partyAmountUsd: amount }), {
      maxLength: 14,
    }),
  })
  .map(({ headlines, parts }) =>
    parts.map((p) => ({ deal: DEALS[p.deal]!, party: p.party, partyAmountUsd: p.partyAmountUsd, dealAmountUsd: headlines[p.deal]! })),
  );

/** The reference, straight from the rule's wording, one deal and one party at a time. */
function referenceSplit(input: readonly PartyAmountRow[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const deal of new Set(input.map((r) => r.deal))) {
    const ofDeal = input.filter((r) => r.deal === deal);
    const parties = [...new Set(ofDeal.map((r) => r.party))];
    out[deal] = {};
    for (const party of parties) {
      const own = ofDeal.filter((r) => r.party === party && r.partyAmountUsd !== null).map((r) => r.partyAmountUsd!);
      out[deal][party] = own.length > 0 ? Math.max(...own) : parties.length === 1 ? ofDeal[0]!.dealAmountUsd : null;
    }
  }
  return out;
}

function referenceTotals(input: readonly PartyAmountRow[]): Record<string, number | null> {
  const split = referenceSplit(input);
  const out: Record<string, number | null> = {};
  for (const party of new Set(input.map((r) => r.party))) {
    const known = Object.values(split)
      .map((parties) => parties[party])
      .filter((a): a is number => a !== undefined && a !== null);
    out[party] = known.length ? known.reduce((n, a) => n + a, 0) : null;
  }
  return out;
}

const plain = (split: Map<string, Map<string, number | null>>) => Object.fromEntries([...split].map(([deal, parties]) => [deal, Object.fromEntries(parties)]));

describe('the commitments split', () => {
  it('matches the reference for any rows', () => {
    fc.assert(
      fc.property(rows, (input) => {
        expect(plain(splitAmounts(input))).toEqual(referenceSplit(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        rows.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input, { minLength: input.length }))),
        ([input, shuffled]) => {
          expect(plain(splitAmounts(shuffled))).toEqual(plain(splitAmounts(input)));
        },
      ),
    );
  });

  it('totals each party over its deals, null when no amount of it is known', () => {
    fc.assert(
      fc.property(rows, (input) => {
        expect(Object.fromEntries(totalsByParty(splitAmounts(input)))).toEqual(referenceTotals(input));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives a round's headline amount to its only investor", () => {
    const split = splitAmounts([{ deal: 'round', party: 'amazon', partyAmountUsd: null, dealAmountUsd: 4e9 }]);
    expect(split.get('round')?.get('amazon')).toBe(4e9);
  });

  it("never hands a shared round's headline amount to each investor", () => {
    const split = splitAmounts([
      { deal: 'round', party: 'microsoft', partyAmountUsd: null, dealAmountUsd: 6.6e9 },
      { deal: 'round', party: 'nvidia', partyAmountUsd: 1e8, dealAmountUsd: 6.6e9 },
    ]);
    expect(Object.fromEntries(split.get('round')!)).toEqual({ microsoft: null, nvidia: 1e8 });
    expect(Object.fromEntries(totalsByParty(split))).toEqual({ microsoft: null, nvidia: 1e8 });
  });

  it('counts a party with two paying roles in one deal once, at its larger amount', () => {
    const split = splitAmounts([
      { deal: 'd', party: 'google', partyAmountUsd: 2e9, dealAmountUsd: 3e9 },
      { deal: 'd', party: 'google', partyAmountUsd: 1e9, dealAmountUsd: 3e9 },
    ]);
    expect(split.get('d')?.get('google')).toBe(2e9);
  });
});

/** Whole millions, so sums and proportions stay exact in floating point for these sizes. */
const usd = fc.integer({ min: 0, max: 1000 }).map((n) => n * 1e6);
const deal: fc.Arbitrary<DealAmounts> = fc.record({
  status: fc.constantFrom(...STATUSES),
  amountUsd: fc.option(usd, { nil: null }),
  amountQualifier: fc.constantFrom(...AMOUNT_QUALIFIERS),
  tranches: fc.array(fc.record({ amountUsd: usd, amountQualifier: fc.constantFrom(...AMOUNT_QUALIFIERS), kind: fc.constantFrom(...TRANCHE_KINDS) }), {
    maxLength: 4,
  }),
});

/** The rule in the words of the issue, one case at a time. */
function referenceMoney(d: DealAmounts): { committedUsd: number | null; potentialUsd: number | null } {
  const bindingStatus = d.status === 'signed' || d.status === 'active' || d.status === 'completed';
  const endedStatus = d.status === 'expired' || d.status === 'terminated' || d.status === 'superseded' || d.status === 'called_off';
  let parts: { amount: number; firm: boolean; upfront: boolean }[];
  if (d.tranches.length) parts = d.tranches.map((t) => ({ amount: t.amountUsd, firm: t.amountQualifier !== 'up_to', upfront: t.kind === 'upfront' }));
  else if (d.amountUsd !== null) parts = [{ amount: d.amountUsd, firm: d.amountQualifier !== 'up_to', upfront: true }];
  else return { committedUsd: null, potentialUsd: null };
  if (endedStatus) return { committedUsd: 0, potentialUsd: 0 };
  let committed = 0;
  let potential = 0;
  for (const p of parts) {
    potential += p.amount;
    if (bindingStatus && p.firm && p.upfront) committed += p.amount;
  }
  return { committedUsd: committed, potentialUsd: potential };
}

describe('committed and potential money of a deal', () => {
  it('matches the reference for any status, amount, qualifier and tranches', () => {
    fc.assert(
      fc.property(deal, (d) => {
        const { committedUsd, potentialUsd } = dealMoney(d);
        expect({ committedUsd, potentialUsd }).toEqual(referenceMoney(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('never commits more than may flow', () => {
    fc.assert(
      fc.property(deal, (d) => {
        const m = dealMoney(d);
        if (m.committedUsd !== null) expect(m.committedUsd).toBeLessThanOrEqual(m.potentialUsd!);
      }),
    );
  });

  it('commits nothing of talks, rumours or letters of intent (announced), nor of up-to ceilings', () => {
    for (const status of ['rumoured', 'in_talks', 'announced'] as const) {
      expect(dealMoney({ status, amountUsd: 1e9, amountQualifier: 'exact', tranches: [] })).toMatchObject({ committedUsd: 0, potentialUsd: 1e9 });
    }
    expect(dealMoney({ status: 'signed', amountUsd: 1e9, amountQualifier: 'up_to', tranches: [] })).toMatchObject({ committedUsd: 0, potentialUsd: 1e9 });
    expect(dealMoney({ status: 'signed', amountUsd: 1e9, amountQualifier: 'at_least', tranches: [] })).toMatchObject({ committedUsd: 1e9, potentialUsd: 1e9 });
  });

  it("splits Amazon's $15bn upfront and $35bn conditional", () => {
    const m = dealMoney({
      status: 'signed',
      amountUsd: 50e9,
      amountQualifier: 'exact',
      tranches: [
        { amountUsd: 15e9, amountQualifier: 'exact', kind: 'upfront' },
        { amountUsd: 35e9, amountQualifier: 'exact', kind: 'conditional' },
      ],
    });
    expect(m).toMatchObject({ committedUsd: 15e9, potentialUsd: 50e9 });
    expect(partyMoney(50e9, m)).toEqual({ committedUsd: 15e9, potentialUsd: 50e9 });
  });
});

describe('committed and potential money of the parties', () => {
  const money: fc.Arbitrary<DealMoney> = deal.map(dealMoney);
  const input = fc.record({
    deals: fc.array(money, { minLength: DEALS.length, maxLength: DEALS.length }),
    rows: fc.array(
      fc.record({ deal: fc.integer({ min: 0, max: DEALS.length - 1 }), party: fc.constantFrom(...PARTIES), partyAmountUsd: fc.option(usd, { nil: null }) }),
      {
        maxLength: 12,
      },
    ),
  });

  /** Per party: its own largest amount through partyMoney; the deal's money when alone; else unknown. */
  function reference(rows: readonly PartyMoneyRow[], deals: ReadonlyMap<string, DealMoney>) {
    const out: Record<string, Record<string, { committedUsd: number | null; potentialUsd: number | null }>> = {};
    for (const d of new Set(rows.map((r) => r.deal))) {
      const ofDeal = rows.filter((r) => r.deal === d);
      const parties = [...new Set(ofDeal.map((r) => r.party))];
      const m = deals.get(d)!;
      out[d] = {};
      for (const p of parties) {
        const own = ofDeal.filter((r) => r.party === p && r.partyAmountUsd !== null).map((r) => r.partyAmountUsd!);
        if (own.length) {
          const a = Math.max(...own);
          const ratio = m.ended ? 0 : m.committedUsd !== null && m.potentialUsd ? m.committedUsd / m.potentialUsd : m.binding ? 1 : 0;
          out[d][p] = { committedUsd: m.ended ? 0 : a * ratio, potentialUsd: m.ended ? 0 : a };
        } else out[d][p] = parties.length === 1 ? { committedUsd: m.committedUsd, potentialUsd: m.potentialUsd } : { committedUsd: null, potentialUsd: null };
      }
    }
    return out;
  }

  it('matches the reference for any rows and deals', () => {
    fc.assert(
      fc.property(input, ({ deals, rows }) => {
        const byId = new Map(deals.map((m, i) => [DEALS[i]!, m]));
        const r = rows.map((x) => ({ deal: DEALS[x.deal]!, party: x.party, partyAmountUsd: x.partyAmountUsd }));
        const got = Object.fromEntries([...splitMoney(r, byId)].map(([d, ps]) => [d, Object.fromEntries(ps)]));
        const want = reference(r, byId);
        expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
        for (const d of Object.keys(want)) {
          for (const p of Object.keys(want[d]!)) {
            const [g, w] = [got[d]![p]!, want[d]![p]!];
            expect(g.potentialUsd).toEqual(w.potentialUsd);
            if (w.committedUsd === null) expect(g.committedUsd).toBeNull();
            else expect(g.committedUsd).toBeCloseTo(w.committedUsd, 0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('capacity counted on a day', () => {
  it('counts announced and signed capacity, not rumours, talks or ended deals', () => {
    expect(countedCapacity('announced', 10)).toBe(10);
    expect(countedCapacity('signed', 6)).toBe(6);
    expect(countedCapacity('rumoured', 4.5)).toBe(0);
    expect(countedCapacity('in_talks', 10)).toBe(0);
    expect(countedCapacity('terminated', 1)).toBe(0);
    expect(countedCapacity('active', null)).toBeNull();
  });
});
