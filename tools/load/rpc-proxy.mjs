// nginx in front of a node, configured by networks/rpc-proxy.nginx.conf as docs/validator.md
// deploys it, for the RPC soak through a proxy (`rpc-soak.mjs --proxy`) and its test.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, removeDir, sleep, tempDir } from 'communs-e2e/lib/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The proxy's configuration as deployed: a server block for nginx's `http` context. */
export const RECIPE = resolve(here, '../../networks/rpc-proxy.nginx.conf');

/** The nginx binary: `$COMMUNS_NGINX` (where scripts/setup.sh unpacks Debian's package), else
 *  one on the PATH or in /usr/sbin; undefined if there is none. */
export function nginxBinary() {
  const path = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx'));
  return [process.env.COMMUNS_NGINX, ...path, '/usr/sbin/nginx'].find((file) => file && existsSync(file));
}

/** Replaces the one occurrence of `from` in `text` with `to`; throws if there is not exactly one. */
function replaceOnce(text, from, to) {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`${RECIPE}: expected one "${from}", found ${parts.length - 1}`);
  return parts.join(to);
}

/** The recipe with only its listening address (127.0.0.1:`listenPort`) and the node's port
 *  (`nodePort`) changed. */
export function recipeFor({ listenPort, nodePort }) {
  const recipe = readFileSync(RECIPE, 'utf8');
  return replaceOnce(
    replaceOnce(recipe, 'listen 80;', `listen 127.0.0.1:${listenPort};`),
    'proxy_pass http://127.0.0.1:9944;',
    `proxy_pass http://127.0.0.1:${nodePort};`,
  );
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function accepts(port) {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); ok(true); });
    socket.once('error', () => ok(false));
  });
}

/**
 * Starts nginx, in the foreground and with every file in a temporary directory, proxying to the
 * node whose RPC listens on 127.0.0.1:`nodePort`. Resolves once it accepts connections, to
 * `{ url, stop() }`.
 */
export async function startProxy({ nodePort }) {
  const binary = nginxBinary();
  if (!binary) {
    throw new Error('no nginx: scripts/setup.sh unpacks Debian\'s into ~/.cache/communs/nginx ($COMMUNS_NGINX)');
  }
  const dir = tempDir('communs-proxy-');
  const port = await freePort();
  writeFileSync(join(dir, 'communs-rpc.conf'), recipeFor({ listenPort: port, nodePort }));
  // The main configuration nginx.conf would be on a server, with every path in `dir`.
  writeFileSync(join(dir, 'nginx.conf'), [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) =>
      `  ${kind}_temp_path ${join(dir, kind)};`),
    `  include ${join(dir, 'communs-rpc.conf')};`,
    '}',
    '',
  ].join('\n'));

  // nginx writes only warnings and errors, to stderr: kept whole for a failed start.
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((ok) => child.once('exit', ok));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    removeDir(dir);
  };

  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start:\n${log}`);
    }
    await sleep(100);
  }
  return { url: `ws://127.0.0.1:${port}`, stop };
}
