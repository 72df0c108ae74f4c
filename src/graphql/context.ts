/** What every resolver receives: the store, this request's loaders, who is asking, and today. */
import type { ApiKeyStore, Principal } from '../auth/api-keys.ts';
import type { PerVersion } from '../questions/per-version.ts';
import type { ControlGraph } from '../questions/rules/control-closure.ts';
import type { When } from '../questions/rules/in-force.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { GraphWriter } from '../writes/graph-writer.ts';
import { today } from './args.ts';
import { AppError } from './errors.ts';
import { Loaders } from './loaders.ts';

export interface GraphContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  /** The default `asOf`: the day the request arrived (UTC). */
  readonly today: string;
  /** The API key's holder, or null for an anonymous request. */
  readonly principal: Principal | null;
  readonly writer: GraphWriter;
  /** The day each question of this request is about, by response path (views.ts). */
  readonly views: Map<string, When>;
  /** Who controls whom, as of the current graph version. */
  readonly controlGraph: () => Promise<ControlGraph>;
}

export interface ContextDeps {
  readonly store: GraphStore;
  readonly writer: GraphWriter;
  readonly keys: ApiKeyStore;
  readonly readsRequireKey: boolean;
  readonly controlGraph: PerVersion<ControlGraph>;
}

const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message, { http: { status: 401 } });

/** Builds the context of one request from its Authorization header. */
export function createContext(deps: ContextDeps, authorization: string | undefined): GraphContext {
  let principal: Principal | null = null;
  if (authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('The Authorization header must be "Bearer <api key>".');
    principal = deps.keys.verify(m[1]!);
    if (!principal) throw unauthenticated('The API key is not valid (unknown, revoked or expired).');
  } else if (deps.readsRequireKey) {
    throw unauthenticated('This server requires an API key: send Authorization: Bearer <key>.');
  }
  return {
    store: deps.store,
    writer: deps.writer,
    loaders: new Loaders(deps.store),
    today: today(),
    principal,
    views: new Map(),
    controlGraph: () => deps.controlGraph.get(),
  };
}
