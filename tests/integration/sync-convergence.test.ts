/**
 * A short convergence run in the integration suite (the long one is
 * `npm run -s test:convergence`, see tests/convergence/README.md): real server processes
 * (SQLite; two on one PostgreSQL schema), three clients acting at once over HTTP and SSE
 * through the fault-injecting proxy, a partition and a SIGKILL + restart; every case
 * identical, every mutation decided once, no refusal the rules do not explain.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runConvergence } from '../convergence/convergence';
import { FaultProxy, type FaultRates, Network } from '../convergence/fault-proxy';
import { postgresAvailable } from './helpers/engines';

// The two engines run side by side: most of a run is waiting for server processes to start.
describe.concurrent('sync convergence under real faults (short run)', () => {
  it.for([
    { engine: 'sqlite' as const, seed: 11, available: true },
    { engine: 'postgresql' as const, seed: 12, available: postgresAvailable },
  ])(
    'converges on $engine with seed $seed',
    // Most of it waits for server processes to start; on a busy machine that takes long.
    { timeout: 180_000 },
    async ({ engine, seed, available }, { expect }) => {
      if (!available) return;
      const result = await runConvergence({ clients: 3, seconds: 3, seed, engine });
      expect(result.problems).toEqual([]);
      expect(result).toMatchObject({
        converged: true,
        lost: 0,
        duplicated: 0,
        refusedWrongly: 0,
      });
      expect(result.mutations).toBeGreaterThan(5);
      expect(result.stats.kills).toBe(1);
      expect(result.stats.partitions).toBeGreaterThan(0);
      expect(result.stats.serverStarts).toBeGreaterThan(engine === 'sqlite' ? 1 : 2);
    },
  );
});

/** The proxy itself, in front of a plain HTTP server: each fault does what the run relies on. */
describe('the convergence run’s fault proxy', () => {
  const body = 'x'.repeat(4_000);
  async function withProxy(
    rates: Partial<FaultRates>,
    run: (proxy: FaultProxy, url: string, seen: () => number, network: Network) => Promise<void>,
  ) {
    let completed = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        completed += 1;
        res.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const network = new Network(['plain']);
    network.setPort(0, (server.address() as AddressInfo).port);
    const proxy = new FaultProxy({
      name: 'test',
      network,
      home: 0,
      // Always the first choice: the one fault given, cut after 1 byte, a late delivery.
      random: () => 0,
      stallMs: [1_500, 1_500],
      rates: {
        delay: 0,
        stallRequest: 0,
        stallResponse: 0,
        cutRequest: 0,
        cutResponse: 0,
        ...rates,
      },
    });
    try {
      await run(proxy, `http://127.0.0.1:${await proxy.listen()}/`, () => completed, network);
    } finally {
      await proxy.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }
  const post = (url: string) =>
    fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(1_000) }).then(
      async (res) => ((await res.text()) === body ? 'answer' : 'short answer'),
      (error: Error) => (error.name === 'TimeoutError' ? 'timeout' : 'network error'),
    );

  it.each([
    { fault: 'none', rates: {}, client: 'answer', server: 1 },
    { fault: 'delay', rates: { delay: 1 }, client: 'answer', server: 1 },
    { fault: 'stallResponse', rates: { stallResponse: 1 }, client: 'timeout', server: 1 },
    // Held past the timeout, then delivered after the client gave up.
    { fault: 'stallRequest', rates: { stallRequest: 1 }, client: 'timeout', server: 1 },
    { fault: 'cutRequest', rates: { cutRequest: 1 }, client: 'network error', server: 0 },
    { fault: 'cutResponse', rates: { cutResponse: 1 }, client: 'network error', server: 1 },
  ])('$fault: the client gets $client, the server completes $server', async (row) => {
    await withProxy(row.rates, async (_proxy, url, seen) => {
      expect(await post(url)).toBe(row.client);
      // A held request reaches the server after the client gave up (at the stall's end).
      await new Promise((r) => setTimeout(r, row.fault === 'stallRequest' ? 1_000 : 50));
      expect(seen()).toBe(row.server);
    });
  });

  it('partitions a client until healed, and refuses while its server is down', async () => {
    await withProxy({}, async (proxy, url, seen, network) => {
      proxy.partition(true);
      expect(await post(url)).toBe('timeout');
      proxy.partition(false);
      expect(await post(url)).toBe('answer');
      network.partitionServer(0, true);
      expect(await post(url)).toBe('timeout');
      network.partitionServer(0, false);
      const port = network.servers[0]!.port;
      network.setPort(0, null);
      expect(await post(url)).toBe('network error');
      network.setPort(0, port);
      expect(await post(url)).toBe('answer');
      expect(seen()).toBe(2);
    });
  });
});
