// The long soak, short: soak.mjs for a minute at 300 transactions a second against a
// development node of its own. scripts/soak.sh runs it for hours (docs/reliability.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, startNode, stopNode, tempDir } from 'communs-e2e/lib/node.mjs';

/** Runs soak.mjs with `args` to its end; rejects if it fails. */
function runSoak(args) {
  return new Promise((ok, fail) => {
    const child = spawn('node', ['soak.mjs', ...args], { cwd: import.meta.dirname, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk) => { log += chunk; });
    child.on('exit', (code) => (code === 0 ? ok(log) : fail(new Error(`soak.mjs exited with ${code}:\n${log}`))));
  });
}

test('a minute at 300 tx/s: its row has the node\'s memory and database, and every block kept up', async () => {
  const dir = tempDir('communs-soak-');
  const node = await startNode({ basePath: join(dir, 'node') });
  try {
    const csv = join(dir, 'soak.csv');
    const log = await runSoak(['--url', node.rpcUrl, '--pid', String(node.child.pid), '--base-path', node.basePath,
      '--minutes', '1', '--rate', '300', '--accounts', '150', '--csv', csv]);
    const [header, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
    assert.equal(header, 'minute,utc,rss_mib,db_mib,best,finalized,finality_lag,block_time_ms,sent,included,lost,refused');
    assert.equal(rows.length, 1, 'a row for the minute');
    const [minute, , rss, db, best, finalized, lag, blockTime, sent, included, lost, refused] = rows[0].split(',');
    assert.equal(minute, '1');
    assert.ok(Number(rss) > 50 && Number(db) > 1, `memory ${rss} MiB, database ${db} MiB`);
    assert.ok(Number(best) >= 20 && Number(finalized) > 0, `best #${best}, finalized #${finalized}`);
    assert.ok(Number(lag) <= 5, `finality ${lag} blocks behind`);
    assert.ok(Math.abs(Number(blockTime) - 2000) <= 200, `${blockTime} ms blocks`);
    assert.ok(Number(sent) >= 0.8 * 300 * 60, `${sent} sent in the minute`);
    // The minute's last transactions may land in the next minute's blocks.
    assert.ok(Number(included) >= Number(sent) - 300 * 5, `${included} of ${sent} included`);
    assert.deepEqual([lost, refused], ['0', '0']);
    assert.match(log, /done: 0 lost/);
  } finally {
    await stopNode(node);
    removeDir(dir);
  }
});
