/** A minimal Server-Sent Events client for tests (fetch + stream parsing). */
export interface SseMessage {
  event: string;
  data: string;
  receivedAt: number;
}

export interface SseClient {
  messages: SseMessage[];
  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(match: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
  /** Resolves when the server ends the stream (not when the client aborts it). */
  ended: Promise<void>;
}

/**
 * Opens a stream. A `token=` in the URL is taken out and sent as the Authorization header
 * (the server accepts the token only there).
 */
export async function connectSse(address: string): Promise<SseClient> {
  const controller = new AbortController();
  const url = new URL(address);
  const token = url.searchParams.get('token');
  url.searchParams.delete('token');
  const res = await fetch(url, {
    signal: controller.signal,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
  if (res.status !== 200 || !res.body) throw new Error(`SSE connect failed: ${res.status}`);
  const messages: SseMessage[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          markEnded();
          break;
        }
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of frame.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) {
            messages.push({ event, data: data.join('\n'), receivedAt: performance.now() });
            for (const w of waiters) w();
          }
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    waitFor(match, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching SSE message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
    ended,
  };
}
