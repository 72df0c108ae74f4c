/** The API key in an Authorization header: undefined when there is none, null when it is not `Bearer <key>`. */
export function bearerToken(authorization: string | undefined): string | null | undefined {
  if (!authorization) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1] ?? null;
}
