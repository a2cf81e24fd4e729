// The committed chain specs (chain-specs/), generated from the runtime's presets by the node
// itself. Run through scripts/chain-specs.sh, which names the node binary in COMMUNS_NODE.
//
//   write                   regenerates chain-specs/local.json and chain-specs/testnet-template.json
//   check                   exits 1, naming what differs, if they no longer match the runtime
//   fill TEMPLATE VALUES    prints a chain spec: TEMPLATE's placeholders replaced by the values
//                           of the JSON object in file VALUES, with the runtime's code
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const node = process.env.COMMUNS_NODE;
const files = {
  local: join(root, 'chain-specs', 'local.json'),
  template: join(root, 'chain-specs', 'testnet-template.json'),
};
/** Where a spec keeps the runtime's wasm; its bytes depend on the build (see README). */
const CODE_PLACEHOLDER = 'RUNTIME_CODE';

function fail(message) {
  console.error(`chain-specs: ${message}`);
  process.exit(1);
}

/** The chain spec the node builds for `--chain <chain>`. */
function exportSpec(chain) {
  if (!node) fail('COMMUNS_NODE is not set; run scripts/chain-specs.sh');
  const out = execFileSync(node, ['export-chain-spec', '--chain', chain], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.toString());
}

/** The `local` chain spec the node builds from the `local_testnet` preset. */
const exportLocal = () => exportSpec('local');

/**
 * The template of a real network, derived from the spec of the runtime's `live_template`
 * preset (the local network's validators, a live network's rules for the chain's DAO): the
 * same runtime and genesis layout, with each of the four validators' account, session keys,
 * host and peer id as placeholders. The validators are the members of the chain's DAO, which
 * governs the chain; unlike the development chains, it has no sudo key.
 */
function templateFrom(live) {
  const patch = live.genesis.runtimeGenesis.patch;
  const validators = patch.validatorSet.validators;
  const placeholder = new Map(validators.map((account, i) => [account, `VALIDATOR_${i + 1}`]));
  const endowment = patch.balances.balances[0][1];
  // The presets endow the chain's DAO last.
  const chainDao = patch.balances.balances.at(-1);
  const named = (account) => `${placeholder.get(account)}_ACCOUNT`;
  const keys = patch.session.keys.map(([account, , sessionKeys]) => {
    const name = placeholder.get(account);
    const named = Object.fromEntries(
      Object.keys(sessionKeys).map((key) => [key, `${name}_${key.toUpperCase()}`]),
    );
    return [`${name}_ACCOUNT`, `${name}_ACCOUNT`, named];
  });
  return {
    ...live,
    name: 'Communs Testnet',
    id: 'communs_testnet',
    chainType: 'Live',
    bootNodes: validators.map(
      (account) => `/dns/${placeholder.get(account)}_HOST/tcp/30333/p2p/${placeholder.get(account)}_PEER_ID`,
    ),
    genesis: {
      runtimeGenesis: {
        code: CODE_PLACEHOLDER,
        patch: {
          balances: {
            balances: [...validators.map((account) => [named(account), endowment]), chainDao],
          },
          validatorSet: { validators: validators.map(named) },
          session: { keys },
          daos: {
            // Each genesis DAO is { name, members, governance }.
            daos: patch.daos.daos.map((dao) => ({ ...dao, members: dao.members.map(named) })),
            chainDao: patch.daos.chainDao,
          },
        },
      },
    },
  };
}

const show = (spec) => `${JSON.stringify(spec, null, 2)}\n`;

/** The spec without its wasm, whose bytes depend on the build path and toolchain. */
function withoutCode(spec) {
  const copy = structuredClone(spec);
  copy.genesis.runtimeGenesis.code = CODE_PLACEHOLDER;
  return copy;
}

/** The JSON paths at which `a` and `b` differ. */
function differences(a, b, path = '') {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a === b ? [] : [path || '/'];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differences(a[key], b[key], `${path}/${key}`));
}

/** A placeholder of the template, alone or inside a bootnode address. */
const PLACEHOLDER = /\bVALIDATOR_\d+_(?:ACCOUNT|AURA|GRANDPA|HOST|PEER_ID)\b/g;

/** Replaces every placeholder in the strings of `value` by its value in `values`. */
function fillIn(value, values, unfilled) {
  if (Array.isArray(value)) return value.map((item) => fillIn(item, values, unfilled));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillIn(item, values, unfilled)]),
    );
  }
  if (typeof value !== 'string') return value;
  return value.replace(PLACEHOLDER, (name) => {
    if (!(name in values)) unfilled.add(name);
    return values[name] ?? name;
  });
}

const [command, ...args] = process.argv.slice(2);
if (command === 'write') {
  const local = exportLocal();
  writeFileSync(files.local, show(local));
  writeFileSync(files.template, show(templateFrom(exportSpec('live-template'))));
  console.error('chain-specs: wrote chain-specs/local.json and chain-specs/testnet-template.json');
} else if (command === 'check') {
  const local = exportLocal();
  const expected = { local: withoutCode(local), template: templateFrom(exportSpec('live-template')) };
  const stale = [];
  for (const [which, file] of Object.entries(files)) {
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    const paths = differences(which === 'local' ? withoutCode(committed) : committed, expected[which]);
    if (paths.length) stale.push(`${file}: ${paths.slice(0, 10).join(', ')}`);
  }
  if (stale.length) {
    fail(`the committed specs no longer match the runtime; run scripts/chain-specs.sh write\n${stale.join('\n')}`);
  }
  console.error('chain-specs: the committed specs match the runtime');
} else if (command === 'fill' && args.length === 2) {
  const template = JSON.parse(readFileSync(args[0], 'utf8'));
  const values = JSON.parse(readFileSync(args[1], 'utf8'));
  const unfilled = new Set();
  const spec = fillIn(template, values, unfilled);
  if (unfilled.size) fail(`no value for ${[...unfilled].sort().join(', ')} in ${args[1]}`);
  spec.genesis.runtimeGenesis.code = exportLocal().genesis.runtimeGenesis.code;
  process.stdout.write(show(spec));
} else {
  fail('usage: scripts/chain-specs.sh write | check | fill TEMPLATE VALUES');
}
