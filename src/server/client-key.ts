/**
 * Who a request counts against, for every per-client rule (the rate limit, the cap on costly
 * operations): its API key when it sends a valid one, else the address it came from.
 */
import type { Principal } from '../auth/api-keys.ts';

export function clientKey(principal: Pick<Principal, 'keyId'> | null, address: string): string {
  return principal ? `key:${principal.keyId}` : `address:${address}`;
}
