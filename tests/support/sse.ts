/**
 * A minimal Server-Sent Events reader for the graphql-sse "distinct connections" mode, as curl
 * would use it: POST the operation with `accept: text/event-stream`, then read `next` events.
 */
export interface SseStream {
  /** The next `next` event's data, waiting at most `ms`. */
  next(ms?: number): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Resolves once the server has opened the stream (its first comment line arrived). */
  readonly opened: Promise<void>;
  close(): void;
}

export async function openStream(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  const events: { data: never }[] = [];
  const waiters: (() => void)[] = [];
  let opened!: () => void;
  const openedP = new Promise<void>((r) => (opened = r));
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.startsWith(':')) opened();
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) {
            events.push({ data: JSON.parse(data) as never });
            for (const w of waiters.splice(0)) w();
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    opened: openedP,
    async next(ms = 5000) {
      const deadline = Date.now() + ms;
      while (!events.length) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event within ${ms} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return events.shift()!.data;
    },
    close: () => controller.abort(),
  };
}
