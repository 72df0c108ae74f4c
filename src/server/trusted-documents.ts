/**
 * Trusted documents. The explorer's operations are persisted when it is built (graphql-codegen's
 * client preset writes explorer/src/gql/persisted-documents.json: sha256 of each document's text
 * -> the text), and the explorer sends only the hash, Apollo's persisted-query form
 * (`extensions.persistedQuery.sha256Hash`). The server fills in the text of a hash it knows
 * before Apollo sees the request, so those operations need no registration round trip.
 *
 * With AIGRAPH_TRUSTED_DOCUMENTS_ONLY=1, a client without a valid API key may run only these
 * documents (sent by hash, or as their exact text); anything else is refused with 400
 * `PERSISTED_QUERY_NOT_TRUSTED`, before it is parsed. Clients with a key run any operation.
 * Persisted documents are sent by POST (a GET's query string is passed to Apollo as it came).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PERSISTED_DOCUMENTS_FILE = fileURLToPath(new URL('../../explorer/src/gql/persisted-documents.json', import.meta.url));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  /** The manifest in `file`; none (an empty set) when the file does not exist. */
  static load(file = PERSISTED_DOCUMENTS_FILE): TrustedDocuments {
    if (!existsSync(file)) return new TrustedDocuments(new Map());
    return new TrustedDocuments(new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)));
  }

  get size(): number {
    return this.byHash.size;
  }

  text(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  /** Whether this exact text is one of the documents. */
  trusts(query: string): boolean {
    return this.byHash.has(sha256(query));
  }
}

export type Refusal = { status: number; message: string; code: string };

interface Body {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Fills in a POST body's persisted document, and applies the trusted-only rule. Returns a refusal,
 * or null to go on (the body may have been changed in place).
 */
export function applyTrustedDocuments(docs: TrustedDocuments, body: unknown, method: string, hasKey: boolean, trustedOnly: boolean): Refusal | null {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const hash = b.extensions?.persistedQuery?.sha256Hash;
  if (method === 'POST' && typeof hash === 'string' && b.query === undefined) {
    const text = docs.text(hash);
    if (text !== undefined) {
      b.query = text;
      delete b.extensions!.persistedQuery;
      return null;
    }
  }
  if (!trustedOnly || hasKey) return null;
  const query = method === 'GET' ? (body as { query?: unknown } | undefined)?.query : b.query;
  if (typeof query === 'string' && docs.trusts(query)) return null;
  return {
    status: 400,
    code: 'PERSISTED_QUERY_NOT_TRUSTED',
    message:
      "This server runs only its trusted documents (the explorer's operations) for clients without an API key: send one of them by its hash, or send Authorization: Bearer <key>.",
  };
}
