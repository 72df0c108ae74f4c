/** Sends a typed operation to the server's /graphql (same origin) and returns its data. */
import type { TypedDocumentString } from '../gql/graphql';

/** What the API's NOT_FOUND for an unknown id adds: the id, and up to three ids it may have meant. */
export interface UnknownIdExtensions {
  argument?: string;
  id?: string;
  suggestions?: string[];
}

export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly extensions: UnknownIdExtensions = {},
  ) {
    super(message);
    this.name = 'GraphqlError';
  }
}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & UnknownIdExtensions }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  // The operation's hash, persisted when the explorer was built: the server knows its text.
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  const send = (payload: object) =>
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(payload),
      signal,
    });
  const parse = async (res: globalThis.Response): Promise<Response<TResult> & { status: number }> => {
    try {
      return { ...((await res.json()) as Response<TResult>), status: res.status };
    } catch {
      throw new GraphqlError(`The server answered ${res.status} without a GraphQL response.`, undefined);
    }
  };
  let body = await parse(
    await (hash ? send({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }) : send({ query: document.toString(), variables })),
  );
  // A server built from other explorer sources does not know the hash: send the text instead.
  if (hash && body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') body = await parse(await send({ query: document.toString(), variables }));
  const first = body.errors?.[0];
  if (first) {
    const { argument, id, suggestions } = first.extensions ?? {};
    throw new GraphqlError(first.message, first.extensions?.code, {
      argument: typeof argument === 'string' ? argument : undefined,
      id: typeof id === 'string' ? id : undefined,
      suggestions: Array.isArray(suggestions) ? suggestions.filter((x): x is string => typeof x === 'string') : undefined,
    });
  }
  if (!body.data) throw new GraphqlError(`The server answered ${body.status} without data.`, undefined);
  return body.data;
}

/** True for the error a superseded request throws once it is aborted. */
export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';
