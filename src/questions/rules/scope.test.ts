import { describe, expect, it } from 'vitest';
import { restricts, scopesOfSupply } from './scope.ts';

describe('which exclusivities restrict a supply', () => {
  it('restricts a chip vendor only by what covers chip supply', () => {
    const chips = scopesOfSupply([{ dealKind: 'chip_supply', cloudServiceKinds: [], coversChips: true }]);
    expect([...chips]).toEqual(['chip_supply']);
    expect(restricts(['cloud_hosting', 'api_distribution'], chips)).toBe(false);
    expect(restricts(['chip_supply'], chips)).toBe(true);
  });

  it('restricts cloud capacity by hosting and capacity scopes, a model platform by distribution too', () => {
    const cloud = scopesOfSupply([{ dealKind: 'partnership', cloudServiceKinds: ['public_cloud'], coversChips: false }]);
    expect(restricts(['cloud_hosting'], cloud)).toBe(true);
    expect(restricts(['first_right_on_capacity'], cloud)).toBe(true);
    expect(restricts(['api_distribution', 'product_distribution'], cloud)).toBe(false);
    const platform = scopesOfSupply([{ dealKind: 'partnership', cloudServiceKinds: ['ai_platform'], coversChips: false }]);
    expect(restricts(['api_distribution'], platform)).toBe(true);
  });

  it('finds nothing restricted in money alone, and nothing in an exclusivity that records no scope', () => {
    const money = scopesOfSupply([{ dealKind: 'equity_investment', cloudServiceKinds: [], coversChips: false }]);
    expect(money.size).toBe(0);
    const compute = scopesOfSupply([{ dealKind: 'compute_contract', cloudServiceKinds: [], coversChips: false }]);
    expect(restricts([], compute)).toBe(false);
    expect(restricts(['compute_capacity'], compute)).toBe(true);
    expect(restricts(['cloud_hosting'], compute)).toBe(false);
  });
});
