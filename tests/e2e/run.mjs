// Runs every suite of this directory. The stories each start one development node and spend most
// of their time waiting for votes to end, so three run at a time. The networks (several nodes,
// session changes, a filled disk, a network split) are timing-sensitive and run one at a time,
// after them. Any `*.test.mjs` not listed as a network is a story.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const networks = [
  'node.test.mjs',
  'sync.test.mjs',
  'upgrade.test.mjs',
  'validators.test.mjs',
  'netsplit.test.mjs',
];
const suites = readdirSync(here).filter((file) => file.endsWith('.test.mjs')).sort();
const stories = suites.filter((file) => !networks.includes(file));

/** Runs `files` with node's test runner, `concurrency` files at a time; returns its status. */
function runSuites(files, concurrency) {
  const { status } = spawnSync(
    process.execPath,
    ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', ...files],
    { cwd: here, stdio: 'inherit' },
  );
  return status;
}

const failed = [runSuites(stories, 3), runSuites(networks, 1)].some((status) => status !== 0);
process.exit(failed ? 1 : 0);
