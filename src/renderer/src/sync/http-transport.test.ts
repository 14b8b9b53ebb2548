import { describe, expect, it } from 'vitest';
import { createHttpTransport, parseLiveEvent, readServerSentEvents } from './http-transport';
import { TransportError } from './sync-transport';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('reading Server-Sent Events', () => {
  it('splits messages across chunks, with names, comments and multi-line data', async () => {
    const seen: [string, string][] = [];
    await readServerSentEvents(
      streamOf(
        ': heartbeat\n\nevent: chan',
        'ges\ndata: {"cursor":4}\n\n',
        'data: a\ndata: b\r\n\r\n',
      ),
      (name, data) => seen.push([name, data]),
    );
    expect(seen).toEqual([
      ['changes', '{"cursor":4}'],
      ['message', 'a\nb'],
    ]);
  });

  it.each([
    ['changes', '{"cursor":4}', { type: 'changes', cursor: 4 }],
    ['message', '{"type":"changes","cursor":9}', { type: 'changes', cursor: 9 }],
    ['changes', 'not json', null],
    ['critical', '{"cursor":1}', null],
  ])('event %s with %s parses to %o', (name, data, expected) => {
    expect(parseLiveEvent(name, data)).toEqual(expected);
  });
});

describe('HTTP failures become transport errors the engine can act on', () => {
  const respond = (status: number, body: unknown) =>
    createHttpTransport({
      baseUrl: 'http://server/',
      getToken: () => 'tok',
      fetch: async () => new Response(JSON.stringify(body), { status }),
    });

  it.each([
    [400, 'rejected', false],
    [401, 'unauthorized', false],
    [413, 'tooLarge', false],
    [429, 'server', true],
    [503, 'server', true],
  ] as const)('status %i is %s (retry: %s)', async (status, kind, retryable) => {
    const error = await respond(status, { title: 'Nope', detail: 'because', rule: 'r.x' })
      .pull(0, 10)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind, status, reason: 'because', rule: 'r.x', retryable });
  });

  it('a network failure is retryable; a request carries the bearer token', async () => {
    let auth: string | null = null;
    const transport = createHttpTransport({
      baseUrl: 'http://server',
      getToken: () => 'tok',
      fetch: async (_url, init) => {
        auth = new Headers(init?.headers).get('authorization');
        throw new TypeError('fetch failed');
      },
    });
    await expect(transport.pull(3, 10)).rejects.toMatchObject({ kind: 'network', retryable: true });
    expect(auth).toBe('Bearer tok');
  });

  it('an answer outside the protocol is a server fault', async () => {
    await expect(respond(200, { nonsense: true }).pull(0, 1)).rejects.toMatchObject({
      kind: 'server',
    });
  });
});
