/** What every resolver receives: the store, this request's loaders, who is asking, and today. */
import type { ApiKeyStore, Principal } from '../auth/api-keys.ts';
import type { PerVersion } from '../questions/per-version.ts';
import type { ControlLinks } from '../questions/rules/control-closure.ts';
import type { When } from '../questions/rules/in-force.ts';
import type { NamedLabel } from '../questions/rules/known-ids.ts';
import type { Candidate } from '../questions/rules/suggest.ts';
import type { SearchIndex } from '../questions/search-index.ts';
import type { SupplySource } from '../questions/supply-source.ts';
import type { ViewGraph } from '../questions/view-graph.ts';
import { bearerToken } from '../auth/bearer.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { gatedStore, type ReadGate } from '../store/read-gate.ts';
import type { GraphVersion } from '../writes/graph-version.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';
import { today } from './args.ts';
import { AppError } from './errors.ts';
import { Loaders } from './loaders.ts';
import { setImmediate as yieldToIo } from 'node:timers/promises';

/** One request's control: its cancellation signal, where it came from, what it costs. */
export interface RequestControl {
  /** Fires when the client goes away or the operation runs past its deadline. */
  readonly signal: AbortSignal;
  /** The client's address (the per-client cap of costly operations keys anonymous requests by it). */
  readonly address: string;
  /** Set by the cost limit before any resolver runs. */
  cost: number;
  costly: boolean;
}

export interface GraphContext {
  /** The store as this request sees it: reads go through the read gate with its signal. */
  readonly store: GraphStore;
  /**
   * Runs a question's work on a read model (in memory, on the event loop) as one read of the
   * gate: it waits its turn behind cheap requests' reads and yields to pending I/O first, so a
   * burst of costly questions answered from memory cannot stall a lookup (docs/security.md).
   */
  readonly compute: <T>(work: () => T | Promise<T>) => Promise<T>;
  readonly request: RequestControl;
  readonly loaders: Loaders;
  /** The default `asOf`: the day the request arrived (UTC). */
  readonly today: string;
  /** The API key's holder, or null for an anonymous request. */
  readonly principal: Principal | null;
  readonly writer: GraphWriter;
  /** The day each question of this request is about, by response path (views.ts). */
  readonly views: Map<string, When>;
  /** The control links of the current graph version (the closure of a day: `.on(asOf)`). */
  readonly controlLinks: () => Promise<ControlLinks>;
  /** The ids, names and aliases of a kind, as of the current graph version (for suggestions). */
  readonly idCandidates: (label: NamedLabel) => Promise<Candidate[]>;
  /**
   * The supply and investment graph of the graph version this request first asked it of (the
   * money questions' read model): one version for the whole request, so the deals an answer
   * names are read from the model that named them, even if a write lands meanwhile.
   */
  readonly supply: () => Promise<SupplySource>;
  /** The full-text index of the current graph version. */
  readonly searchIndex: () => Promise<SearchIndex>;
  /** The nodes and relationships graph views show, of the current graph version (neighborhood's read model). */
  readonly viewGraph: () => Promise<ViewGraph>;
}

export interface ContextDeps {
  /** The graph version caches key on; refreshed from a shared store once per request. */
  readonly version?: GraphVersion;
  readonly store: GraphStore;
  readonly writer: GraphWriter;
  readonly keys: ApiKeyStore;
  readonly readsRequireKey: boolean;
  readonly controlLinks: PerVersion<ControlLinks>;
  readonly idCandidates: (label: NamedLabel) => Promise<Candidate[]>;
  readonly supply: PerVersion<SupplySource>;
  readonly searchIndex: PerVersion<SearchIndex>;
  readonly viewGraph: PerVersion<ViewGraph>;
  /** The bounded queue in front of the store's readers (none: reads go straight to the store). */
  readonly gate?: ReadGate;
}

/** A request with no client to lose and no deadline (tests and tools that call resolvers directly). */
export const UNBOUNDED_REQUEST = (): RequestControl => ({ signal: new AbortController().signal, address: 'local', cost: 0, costly: false });

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

/** Builds the context of one request from its Authorization header. */
export function createContext(deps: ContextDeps, authorization: string | undefined, request: RequestControl = UNBOUNDED_REQUEST()): GraphContext {
  let principal: Principal | null = null;
  const token = bearerToken(authorization);
  if (token !== undefined) {
    if (token === null) throw unauthenticated('The Authorization header must be "Bearer <api key>".');
    principal = deps.keys.verify(token);
    if (!principal) throw unauthenticated('The API key is not valid (unknown, revoked or expired).');
  } else if (deps.readsRequireKey) {
    throw unauthenticated('This server requires an API key: send Authorization: Bearer <key>.');
  }
  const ticket = () => ({ signal: request.signal, costly: request.costly });
  const store = deps.gate ? gatedStore(deps.store, deps.gate, ticket) : deps.store;
  const turn = async <T>(work: () => T | Promise<T>): Promise<T> => {
    await yieldToIo();
    return work();
  };
  let supply: Promise<SupplySource> | undefined;
  return {
    store,
    compute: (work) => (deps.gate ? deps.gate.run(() => turn(work), ticket()) : turn(work)),
    request,
    writer: deps.writer,
    loaders: new Loaders(store),
    today: today(),
    principal,
    views: new Map(),
    controlLinks: () => deps.controlLinks.get(),
    idCandidates: deps.idCandidates,
    supply: () => {
      if (!supply) {
        const pending = deps.supply.get();
        supply = pending;
        // A failed build is not kept for the rest of the request either (PerVersion retries it).
        pending.catch(() => {
          if (supply === pending) supply = undefined;
        });
      }
      return supply;
    },
    searchIndex: () => deps.searchIndex.get(),
    viewGraph: () => deps.viewGraph.get(),
  };
}
