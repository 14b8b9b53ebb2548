import { eventStream, pullChanges, pushMutations } from '@core/api/index';
import type { LiveEvent, PullResponse, PushRequest, PushResponse } from '@core/sync/index';
import { liveEventSchema } from '@core/sync/index';
import { ApiError, createApiClient } from '@web/api/index';
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

/** What the sync engine does about a failed call: the transport's failure kinds. */
function transportErrorOf(error: unknown): TransportError {
  if (!(error instanceof ApiError)) return new TransportError('network', messageOf(error));
  if (error.failure === 'network') return new TransportError('network', error.message);
  if (error.failure === 'invalid' || error.status === null) {
    // A server that answers outside the protocol is a server fault; retrying may help after an upgrade.
    return new TransportError('server', error.message, error.status);
  }
  return new TransportError(
    failureOfStatus(error.status),
    error.message,
    error.status,
    error.problem?.detail ?? null,
    error.rule,
  );
}

/**
 * The sync transport over the web API client: REST for push and pull, Server-Sent Events for
 * live events.
 */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const api = createApiClient({
    baseUrl: options.baseUrl,
    getToken: options.getToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw transportErrorOf(error);
    }
  };

  return {
    push(body: PushRequest): Promise<PushResponse> {
      return call(() => api.call(pushMutations, { body }));
    },

    pull(after: number, limit: number): Promise<PullResponse> {
      return call(() => api.call(pullChanges, { query: { after, limit } }));
    },

    subscribe(onEvent, onConnection) {
      let stopped = false;
      let controller: AbortController | null = null;
      let delay = options.reconnectMs ?? 2_000;
      let timer: ReturnType<typeof setTimeout> | null = null;

      const connect = async (): Promise<void> => {
        controller = new AbortController();
        try {
          // The token goes in the Authorization header (the API client sets it), never the URL.
          const response = await api.raw(
            eventStream,
            { headers: { accept: 'text/event-stream' } },
            { signal: controller.signal, timeoutMs: null },
          );
          if (!response.body) throw new Error(`status ${response.status}`);
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
