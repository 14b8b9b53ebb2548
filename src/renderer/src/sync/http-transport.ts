import {
  type LiveEvent,
  liveEventSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../../../core/sync/index';
import { failureOfStatus, type SyncTransport, TransportError } from './sync-transport';

export interface HttpTransportOptions {
  /** Server origin, e.g. `https://saksbord.example.no` (no trailing `/api/v1`). */
  baseUrl: string;
  /** The current bearer token (read on every request, so a new sign-in is picked up). */
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** Live stream reconnect delay after it drops, doubled up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** Gives up a request after this long without an answer. */
  timeoutMs?: number;
}

/** The sync transport over `fetch`: REST for push and pull, Server-Sent Events for live events. */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  function headers(): Record<string, string> {
    const token = options.getToken();
    return {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
  }

  async function request(path: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new TransportError('network', `no answer from the server: ${messageOf(error)}`);
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      throw new TransportError(
        failureOfStatus(response.status),
        `server answered ${response.status}: ${problem.reason ?? response.statusText}`,
        response.status,
        problem.reason,
        problem.rule,
      );
    }
    try {
      return await response.json();
    } catch (error) {
      // The answer was cut off: the request may or may not have been applied; retry is safe.
      throw new TransportError('network', `incomplete answer: ${messageOf(error)}`);
    }
  }

  return {
    async push(body: PushRequest): Promise<PushResponse> {
      const json = await request('/api/v1/sync/push', {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return parseAnswer(pushResponseSchema, json);
    },

    async pull(after: number, limit: number): Promise<PullResponse> {
      const json = await request(`/api/v1/sync/pull?after=${after}&limit=${limit}`, {
        method: 'GET',
        headers: headers(),
      });
      return parseAnswer(pullResponseSchema, json);
    },

    subscribe(onEvent, onConnection) {
      let stopped = false;
      let controller: AbortController | null = null;
      let delay = options.reconnectMs ?? 2_000;
      let timer: ReturnType<typeof setTimeout> | null = null;

      const connect = async (): Promise<void> => {
        controller = new AbortController();
        const token = options.getToken();
        const query = token ? `?token=${encodeURIComponent(token)}` : '';
        try {
          const response = await doFetch(`${base}/api/v1/events${query}`, {
            headers: { ...headers(), accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
          onConnection?.(true);
          delay = options.reconnectMs ?? 2_000;
          await readServerSentEvents(response.body, (name, data) => {
            const event = parseLiveEvent(name, data);
            if (event) onEvent(event);
          });
        } catch {
          // Dropped or refused; reconnect below.
        }
        if (stopped) return;
        onConnection?.(false);
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, options.maxReconnectMs ?? 30_000);
      };
      void connect();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        controller?.abort();
      };
    },
  };
}

function parseAnswer<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown };
  },
  json: unknown,
): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A server that answers outside the protocol is a server fault; retrying may help after an upgrade.
    throw new TransportError(
      'server',
      `unexpected answer from the server: ${messageOf(parsed.error)}`,
    );
  }
  return parsed.data;
}

async function readProblem(
  response: Response,
): Promise<{ reason: string | null; rule: string | null }> {
  try {
    const body = (await response.json()) as Record<string, unknown>;
    const reason =
      (typeof body.detail === 'string' && body.detail) ||
      (typeof body.title === 'string' && body.title) ||
      (typeof body.message === 'string' && body.message) ||
      null;
    const rule = typeof body.rule === 'string' ? body.rule : null;
    return { reason, rule };
  } catch {
    return { reason: null, rule: null };
  }
}

/** A live event from an SSE message; the event name fills in `type` when the data lacks it. */
export function parseLiveEvent(name: string, data: string): LiveEvent | null {
  try {
    const json = JSON.parse(data) as Record<string, unknown>;
    const withType = typeof json.type === 'string' ? json : { ...json, type: name };
    const parsed = liveEventSchema.safeParse(withType);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads a `text/event-stream` body, calling `onMessage(eventName, data)` per message. */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onMessage: (name: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let name = 'message';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.search(/\r\n|\r|\n/);
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onMessage(name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const rawValue = colon < 0 ? '' : line.slice(colon + 1);
        const fieldValue = rawValue.startsWith(' ') ? rawValue.slice(1) : rawValue;
        if (field === 'event') name = fieldValue;
        else if (field === 'data') data.push(fieldValue);
      }
      newline = buffer.search(/\r\n|\r|\n/);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
