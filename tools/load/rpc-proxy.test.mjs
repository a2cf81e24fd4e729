// The public RPC node behind nginx as networks/rpc-proxy.nginx.conf configures it: one address
// opening connection after connection, which the node's flags cannot tell apart from many
// users, is held to 32 at a time, and the address the node is told is the client's own, not
// one the client names (docs/reliability.md, "The RPC soak").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import WebSocket from 'ws';
import { removeDir, sleep, startNode, stopNode } from 'communs-e2e/lib/node.mjs';
import { PUBLIC_RPC_FLAGS, formatReport, soak } from './rpc-soak.mjs';
import { recipeFor, startProxy } from './rpc-proxy.mjs';

/**
 * Starts a development node with `flags` and the proxy in front of it before the enclosing
 * suite's tests, and stops both after them; returns the suite's `{ node, proxy }`. Unlike
 * `useDevNode`, it connects no @polkadot/api, whose start would not get through the
 * one-call-a-minute limit below.
 */
function useNodeBehindProxy(flags) {
  const context = {};
  before(async () => {
    context.node = await startNode({ args: ['--dev', ...flags] });
    context.proxy = await startProxy({ nodePort: context.node.rpcPort });
  });
  after(async () => {
    await context.proxy?.stop();
    if (context.node) {
      await stopNode(context.node);
      removeDir(context.node.basePath);
    }
  });
  return context;
}

describe('a public RPC node behind the nginx recipe', () => {
  const context = useNodeBehindProxy(PUBLIC_RPC_FLAGS);

  /** Runs `soak` through the proxy, the honest client included; prints its report. */
  async function soakThroughProxy(options) {
    const report = await soak({ url: context.proxy.url, pid: context.node.child.pid, ...options });
    process.stderr.write(`${formatReport(report)}\n`);
    return report;
  }

  test('one address gets 32 connections at a time; the honest client, among them, keeps its answers', async () => {
    // The honest client connects first, from the same address, and holds one of the 32.
    const report = await soakThroughProxy({ seconds: 15, connections: 100, only: 'subscriber' });
    const { connections, refusedConnects, answers, sent } = report.behaviours.subscriber;
    assert.equal(connections, 31, 'admitted subscribers');
    assert.ok(refusedConnects >= 69, `${refusedConnects} connects refused`);
    assert.ok(answers > sent, 'the admitted subscribers got notifications');
    assert.deepEqual(report.honest.errors, []);
    assert.ok(report.honest.daoInfo.p99 < 1000);
    assert.equal(report.honest.lost, 0);
  });

  test('the limit is per address: 100 connections from four addresses are all admitted', async () => {
    const report = await soakThroughProxy({ seconds: 10, connections: 100, only: 'subscriber', addresses: 4 });
    const { connections, refusedConnects } = report.behaviours.subscriber;
    assert.equal(connections, 100);
    assert.equal(refusedConnects, 0);
    assert.deepEqual(report.honest.errors, []);
  });

  test('JSON-RPC over plain HTTP goes through, as curl sends it; unsafe calls stay refused', async () => {
    // Behind the proxy every call reaches the node from 127.0.0.1: only `--rpc-methods safe`
    // keeps the calls that change the node refused.
    const call = async (method) => {
      const response = await fetch(context.proxy.url.replace('ws://', 'http://'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: method === 'dao_info' ? [0] : [] }),
      });
      assert.equal(response.status, 200);
      return response.json();
    };
    assert.equal((await call('dao_info')).result.id, 0);
    assert.match((await call('author_rotateKeys')).error.message, /unsafe/);
  });

  test('the recipe is run as written: only its two ports change', () => {
    const config = recipeFor({ listenPort: 18080, nodePort: 19944 });
    assert.match(config, /^\s*listen 127\.0\.0\.1:18080;$/m);
    assert.match(config, /proxy_pass http:\/\/127\.0\.0\.1:19944;/);
    assert.doesNotMatch(config, /listen 80;|:9944;/);
    assert.match(config, /limit_conn communs_rpc_connections 32;/);
  });
});

/** Opens a WebSocket to `url` (from `localAddress`, with extra `headers`), sends `calls`
 *  `system_health` calls at once and counts the answers that arrive within `ms`. */
async function answersWithin(url, { headers, localAddress }, calls, ms) {
  const socket = new WebSocket(url, { headers, localAddress });
  await once(socket, 'open');
  let answers = 0;
  socket.on('message', () => { answers += 1; });
  for (let id = 1; id <= calls; id++) {
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, method: 'system_health', params: [] }));
  }
  await sleep(ms);
  socket.terminate();
  return answers;
}

describe('the node behind the proxy sees each client\'s own address', () => {
  // One call a minute per connection, except from 127.0.0.2, as the node reads the address
  // from the proxy's headers (--rpc-rate-limit-trust-proxy-headers).
  const flags = [...PUBLIC_RPC_FLAGS];
  flags[flags.indexOf('--rpc-rate-limit') + 1] = '1';
  const context = useNodeBehindProxy([...flags,
    '--rpc-rate-limit-trust-proxy-headers', '--rpc-rate-limit-whitelisted-ips', '127.0.0.2/32']);

  test('a client from the trusted address is not rate-limited', async () => {
    assert.equal(await answersWithin(context.proxy.url, { localAddress: '127.0.0.2' }, 3, 3000), 3);
  });

  test('a client naming the trusted address in its own headers is', async () => {
    const forged = { Forwarded: 'for=127.0.0.2', 'X-Forwarded-For': '127.0.0.2', 'X-Real-IP': '127.0.0.2' };
    assert.equal(await answersWithin(context.proxy.url, { headers: forged, localAddress: '127.0.0.3' }, 3, 3000), 1);
  });
});
