import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_KINDS, EXCLUSIVITY_SCOPES } from '../../model/vocabulary.ts';
import { ACCESS_SCOPES, bearsOnCountry, governsChannel, restrictsAny } from './channel-scope.ts';

const country = fc.constantFrom('UA', 'US', 'CN', 'DE', 'FR', 'AE');

describe('what bears on a channel', () => {
  it('an exclusivity governs a channel exactly when it covers one of the scopes of its access kind', () => {
    fc.assert(
      fc.property(fc.subarray([...EXCLUSIVITY_SCOPES]), fc.constantFrom(...ACCESS_KINDS), (covers, access) => {
        const expected = covers.some((c) => (ACCESS_SCOPES[access] as readonly string[]).includes(c));
        expect(governsChannel(covers, access)).toBe(expected);
      }),
    );
  });

  it('an API exclusivity governs a cloud platform but never published weights', () => {
    expect(governsChannel(['api_distribution'], 'cloud_platform')).toBe(true);
    expect(governsChannel(['api_distribution', 'cloud_hosting', 'model_license'], 'open_weights')).toBe(false);
    expect(governsChannel(['cloud_hosting'], 'own_api')).toBe(true);
    expect(governsChannel(['compute_capacity'], 'cloud_platform')).toBe(false);
  });

  it('a restriction bears on a country it names, or on any country a worldwide one does not exempt', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uniqueArray(country), fc.uniqueArray(country), country, (worldwide, named, exempt, c) => {
        const expected = worldwide ? !exempt.includes(c) : named.includes(c);
        expect(bearsOnCountry({ worldwide, countries: named, exemptCountries: exempt }, c)).toBe(expected);
      }),
    );
    expect(bearsOnCountry({ countries: ['CN'] }, 'UA')).toBe(false);
    expect(bearsOnCountry({ worldwide: true, exemptCountries: ['DE'] }, 'UA')).toBe(true);
  });

  it('chips bear on models run on premises, not on a hosted API', () => {
    expect(restrictsAny(['chips'], ['models', 'model_weights', 'chips'])).toBe(true);
    expect(restrictsAny(['chips'], ['models', 'cloud_access'])).toBe(false);
  });
});
