/**
 * The cost limit, as an Apollo plugin: once the operation is known, and with the request's
 * variables, prices it (query-cost.ts) and refuses it with 400 above `maxCost`, before any
 * resolver runs. An operation costing `costlyFrom` or more is costly: its store reads wait
 * behind cheap requests' (read-gate.ts), and it needs one of its client's slots (client-slots.ts),
 * released when its answer is sent. A validation rule could not do this: validation runs once
 * per document, without the variables.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphContext } from '../graphql/context.ts';
import { AppError, hideSuggestions } from '../graphql/errors.ts';
import type { ClientSlots } from './client-slots.ts';
import { clientKey } from './client-key.ts';
import { operationCost, TooManySelectionsError } from './query-cost.ts';

export interface CostLimitOptions {
  readonly maxCost: number;
  readonly costlyFrom: number;
  readonly slots: ClientSlots;
}

const refused = (message: string) => new AppError('BAD_USER_INPUT', message, { http: { status: 400, headers: new HeaderMap() } });

export function costLimitPlugin(o: CostLimitOptions): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation(rc) {
          let cost: number;
          try {
            cost = operationCost(rc.schema, rc.document, rc.request.variables, rc.operationName);
          } catch (err) {
            if (err instanceof TooManySelectionsError) throw refused(err.message);
            // Variables that do not fit the operation (GraphQL's own message names the variable).
            // GraphQL's own message (a variable it could not coerce), without its schema suggestions.
            throw refused(err instanceof GraphQLError ? hideSuggestions(err.message) : 'The operation could not be priced.');
          }
          const control = rc.contextValue.request;
          control.cost = cost;
          if (cost > o.maxCost) {
            throw refused(
              `Query cost ${cost} exceeds the limit of ${o.maxCost}: ask for smaller pages (first/limit), shallower neighbourhoods, fewer hops or fewer nested lists.`,
            );
          }
          if (cost >= o.costlyFrom) {
            control.costly = true;
            release = await o.slots.acquire(clientKey(rc.contextValue.principal, control.address), control.signal);
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
