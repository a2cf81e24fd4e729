#!/usr/bin/env bash
# Measures this machine's base weights into runtime/src/weights/ (docs/performance.md):
#   - `benchmark storage`: a RocksDB read and write, over the state of a development chain the
#     load generator has filled (40,000 accounts, token balances, a proposal and its votes);
#   - `benchmark overhead`: an empty block's and a no-op extrinsic's execution.
# Builds the node with `--features runtime-benchmarks` (as scripts/benchmark-pallets.sh does),
# and the ordinary node to fill the state with.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

build_benchmark_node
bench="$COMMUNS_BENCH_NODE"
cargo build --release --locked -p communs-node

state="$(mktemp -d)"
trap 'rm -rf "$state"' EXIT
echo "== filling a development chain's state in $state" >&2
"$COMMUNS_NODE" --dev --base-path "$state" --rpc-port 9944 --no-prometheus --no-telemetry \
	--no-mdns --listen-addr /ip4/127.0.0.1/tcp/30333 >"$state/node.log" 2>&1 &
node_pid=$!
npm_ci
(cd tools/load && node load.mjs --url ws://127.0.0.1:9944 --kinds transfer,vote --accounts 20000 \
		--per-account 1 --seconds 20)
kill -INT "$node_pid"
wait "$node_pid" || true

echo "== benchmark storage → runtime/src/weights/rocksdb_weights.rs" >&2
# Written in batches of 10,000 keys, about what a full block writes.
"$bench" benchmark storage --dev --base-path "$state" --state-version 1 --batch-size 10000 \
	--weight-path runtime/src/weights
echo "== benchmark overhead → runtime/src/weights/{block,extrinsic}_weights.rs" >&2
"$bench" benchmark overhead --chain dev --weight-path runtime/src/weights
