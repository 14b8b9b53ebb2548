import {
  fillPath,
  type ResponseBody,
  type RouteAnswer,
  type RouteInput,
  type RouteSpec,
  type SuccessStatus,
} from '@core/api';
import { ApiError, readProblem } from './api-error';

/**
 * The one client of the Saksbord API for the workstation and the portal, typed by core's
 * contract: `call(route, input)` builds the request from the route (path parameters, query,
 * JSON or file body, bearer token), and parses the answer with the schema the contract gives
 * for its status. Every failure is an `ApiError`.
 */
export interface ApiClientOptions {
  /** Server origin, e.g. `https://saksbord.example.no`; '' for the page's own origin. */
  baseUrl: string;
  /** The current bearer token, read on every request. */
  getToken: () => string | null;
  fetch?: typeof fetch;
  /** Gives up a request after this long without an answer. */
  timeoutMs?: number;
  /** Told of every 401 (the session ended), before the error is thrown. */
  onUnauthorized?: () => void;
}

export interface CallOptions {
  /** Aborts the request (with the timeout). */
  signal?: AbortSignal;
  /** This call's timeout instead of the client's; null for none (an event stream). */
  timeoutMs?: number | null;
}

export interface ApiClient {
  /** Calls a route; resolves with its answer (status and parsed body). */
  answer<R extends RouteSpec>(
    route: R,
    input: RouteInput<R>,
    options?: CallOptions,
  ): Promise<RouteAnswer<R>>;
  /** Calls a route and resolves with the body of its first listed answer. */
  call<R extends RouteSpec>(
    route: R,
    input: RouteInput<R>,
    options?: CallOptions,
  ): Promise<ResponseBody<R, SuccessStatus<R>>>;
  /** Calls a route whose answer is not JSON (a file, an event stream); the raw response. */
  raw<R extends RouteSpec>(
    route: R,
    input: RouteInput<R>,
    options?: CallOptions,
  ): Promise<Response>;
  /** The URL of a route, e.g. for a link or an EventSource. */
  url<R extends RouteSpec>(route: R, input: Pick<RouteInput<R>, 'params' | 'query'>): string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function queryString(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  const url: ApiClient['url'] = (route, input) =>
    `${base}${fillPath(route.path, (input.params ?? {}) as Record<string, unknown>)}${queryString(
      input.query as Record<string, unknown> | undefined,
    )}`;

  async function send(route: RouteSpec, input: RouteInput<RouteSpec>, callOptions: CallOptions) {
    const token = options.getToken();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...input.headers,
    };
    let body: BodyInit | undefined;
    if (input.body !== undefined) {
      if (route.bodyKind === 'file') {
        const file = input.body as unknown as Blob;
        body = file;
        headers['content-type'] = file.type || 'application/octet-stream';
      } else {
        body = JSON.stringify(input.body);
        headers['content-type'] = 'application/json';
      }
    }
    const limit = callOptions.timeoutMs === undefined ? timeoutMs : callOptions.timeoutMs;
    const signals = [
      ...(limit === null ? [] : [AbortSignal.timeout(limit)]),
      ...(callOptions.signal ? [callOptions.signal] : []),
    ];
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    let response: Response;
    try {
      response = await doFetch(url(route, input), {
        method: route.method.toUpperCase(),
        headers,
        body,
        signal,
      });
    } catch (error) {
      throw new ApiError('network', `no answer from the server: ${messageOf(error)}`);
    }
    if (response.status === 401) options.onUnauthorized?.();
    if (!route.responses[response.status]) {
      const problem = await readProblem(response);
      throw new ApiError(
        response.ok ? 'invalid' : 'problem',
        `the server answered ${response.status}: ${problem.detail}`,
        response.status,
        problem,
      );
    }
    return response;
  }

  async function answer<R extends RouteSpec>(
    route: R,
    input: RouteInput<R>,
    callOptions: CallOptions = {},
  ): Promise<RouteAnswer<R>> {
    const response = await send(route, input as RouteInput<RouteSpec>, callOptions);
    const spec = route.responses[response.status]!;
    if (spec.schema === null) return { status: response.status, body: undefined } as RouteAnswer<R>;
    let json: unknown;
    try {
      const text = await response.text();
      json = text ? JSON.parse(text) : undefined;
    } catch (error) {
      // Cut off: the request may or may not have been applied.
      throw new ApiError('network', `incomplete answer: ${messageOf(error)}`, response.status);
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || '(body)').join(', ');
      throw new ApiError(
        'invalid',
        `the server's answer to ${route.id} is not what the contract says (${where})`,
        response.status,
      );
    }
    return { status: response.status, body: parsed.data } as RouteAnswer<R>;
  }

  return {
    answer,
    async call(route, input, callOptions) {
      const result = await answer(route, input, callOptions);
      return result.body as ResponseBody<typeof route, SuccessStatus<typeof route>>;
    },
    raw: (route, input, callOptions = {}) =>
      send(route, input as RouteInput<RouteSpec>, callOptions),
    url,
  };
}
