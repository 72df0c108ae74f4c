/** What every resolver receives: the store, this request's loaders, and today's date. */
import type { GraphStore } from '../store/graph-store.ts';
import { today } from './args.ts';
import { Loaders } from './loaders.ts';

export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** The default `asOf`: the day the request arrived (UTC). */
  readonly today: string;
}

export function createContext(store: GraphStore): GraphContext {
  return { store, loaders: new Loaders(store), today: today() };
}
