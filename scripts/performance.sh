#!/usr/bin/env bash
# Measures node binaries under the load generator, one after another in the same run, for the
# table of docs/performance.md. For each binary:
# 1. a development chain of its own (its own `build-spec --chain dev`, Alice authoring, archive
#    state): the load generator's kinds one after another for --seconds each, with the node's
#    memory; the author's block-building times from its log; then `benchmark block`
#    re-executing every block that carried load (its import time and the share of its weight
#    that took), which needs the runtime-benchmarks build (scripts/benchmark-pallets.sh);
# 2. unless --no-testnet, the same load against Alice's node of a 4-validator `local` network
#    on this machine (scripts/testnet.sh), for finality with four GRANDPA voters.
#
#   scripts/performance.sh [--seconds 60] [--kinds transfer,tokens,vote] [--accounts 3000]
#                          [--per-account 30] [--testnet-accounts N] [--testnet-kinds K]
#                          [--no-testnet] [--keep DIR] BINARY...
#
# --accounts × --per-account transactions are pre-signed per kind: enough for --seconds at the
# node's rate (pre-signing takes about 1.3 ms each). The network is slower than a development
# node, so --testnet-accounts (default --accounts) may be smaller; --testnet-kinds (default
# --kinds) chooses the kinds run there.
#
# --keep DIR keeps each binary's development chain (spec.json, db/, node.log, load.log) in
# DIR/<n>-<binary's file name>, for scripts/profile-blocks.sh or `benchmark block` afterwards.
#
# Prints, per binary, the load generator's summary lines, then "build" and "import" lines, then
# the testnet's summary lines.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

seconds=60
kinds=transfer,tokens,vote
accounts=3000
testnet_accounts=
testnet_kinds=
per_account=30
testnet=true
keep=
binaries=()
while [ $# -gt 0 ]; do
	case "$1" in
	--seconds) seconds="$2"; shift 2 ;;
	--kinds) kinds="$2"; shift 2 ;;
	--accounts) accounts="$2"; shift 2 ;;
	--per-account) per_account="$2"; shift 2 ;;
	--testnet-accounts) testnet_accounts="$2"; shift 2 ;;
	--testnet-kinds) testnet_kinds="$2"; shift 2 ;;
	--no-testnet) testnet=false; shift ;;
	--keep) keep="$2"; shift 2 ;;
	*) binaries+=("$1"); shift ;;
	esac
done
[ ${#binaries[@]} -gt 0 ] || { echo "usage: $0 [options] BINARY..." >&2; exit 2; }
bench="$COMMUNS_BENCH_NODE"
[ -x "$bench" ] || { echo "$bench is missing: run scripts/benchmark-pallets.sh first" >&2; exit 1; }
npm_ci

work="$(mktemp -d)"
export COMMUNS_TESTNET_DIR="$work/testnet"
node_pid=
trap '[ -z "$node_pid" ] || kill -INT "$node_pid" 2>/dev/null || true
	"$here/testnet.sh" stop >/dev/null 2>&1 || true
	rm -rf "$work"' EXIT
# Runs the load generator's kinds $1 with $2 accounts against a running node (the rest of the
# arguments).
load() {
	local which="$1" count="$2"
	shift 2
	(cd tools/load && node load.mjs --kinds "$which" --accounts "$count" \
		--per-account "$per_account" --seconds "$seconds" "$@")
}

run=0
for binary in "${binaries[@]}"; do
	run=$((run + 1))
	echo "== $binary ($("$binary" --version))"
	rm -rf "$work/db"
	"$binary" build-spec --chain dev --raw >"$work/spec.json" 2>/dev/null
	[ -s "$work/node-key" ] || "$binary" key generate-node-key --file "$work/node-key" 2>/dev/null
	"$binary" --chain "$work/spec.json" --alice --validator --force-authoring \
		--node-key-file "$work/node-key" --base-path "$work/db" --state-pruning archive \
		--rpc-port 9944 --no-prometheus \
		--no-telemetry --no-mdns --listen-addr /ip4/127.0.0.1/tcp/30333 >"$work/node.log" 2>&1 &
	node_pid=$!
	until curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' http://127.0.0.1:9944 >/dev/null; do
		kill -0 "$node_pid" || { cat "$work/node.log" >&2; exit 1; }
		sleep 1
	done
	load "$kinds" "$accounts" --url ws://127.0.0.1:9944 --pid "$node_pid" 2>"$work/load.log"
	kill -INT "$node_pid"
	wait "$node_pid" || true
	node_pid=

	for kind in ${kinds//,/ }; do
		# The blocks that carried this kind's load: the first and last with any included.
		blocks="$(sed -n "s/.* $kind: block #\([0-9]*\) at .*: \([0-9]*\) included/\1 \2/p" \
			"$work/load.log" | awk '$2 > 0 { print $1 }' | sort -n)"
		from="$(head -1 <<<"$blocks")"
		to="$(tail -1 <<<"$blocks")"
		# The author's time to build each of them, with its number of extrinsics.
		sed -n 's/.*Prepared block for proposing at \([0-9]*\) (\([0-9]*\) ms).*extrinsics_count: \([0-9]*\).*/\1 \2 \3/p' \
			"$work/node.log" | awk -v kind="$kind" -v from="$from" -v to="$to" '
			$1 >= from && $1 <= to { n++; sum += $2; if ($2 > max) { max = $2; at = $1; count = $3 } }
			END { printf "%s build: %d blocks #%d..#%d, mean %.0f ms, max %d ms (#%d, %d extrinsics)\n",
				kind, n, from, to, sum / n, max, at, count }'
		# Each of them executed again as a validator imports it.
		"$bench" benchmark block --chain "$work/spec.json" --base-path "$work/db" \
			--from "$from" --to "$to" --repeat 3 2>&1 |
			sed -n 's/.*Block \([0-9]*\) with *\([0-9]*\) tx used *\([0-9.]*\)% of its weight ( *\([0-9,]*\) of .*/\1 \2 \3 \4/p' |
			tr -d , | awk -v kind="$kind" '
			{ n++; ms = $4 / 1e6; if (ms > max) { max = ms; at = $1; count = $2; share = $3 }
			  if ($2 > 100) { if (lo == "" || $3 < lo) lo = $3; if ($3 > hi) hi = $3 } }
			END { printf "%s import: %d blocks, max %.0f ms (#%d, %d extrinsics, %.1f%% of its " \
				"weight); blocks of over 100 extrinsics took %.1f-%.1f%% of their weight\n",
				kind, n, max, at, count, share, lo, hi }'
	done
	if [ -n "$keep" ]; then
		kept="$keep/$run-$(basename "$binary")"
		rm -rf "$kept" && mkdir -p "$kept"
		cp -r "$work/spec.json" "$work/db" "$work/node.log" "$work/load.log" "$kept/"
		echo "chain kept in $kept"
	fi

	if $testnet; then
		echo "== $binary: 4-validator local network"
		rm -rf "$COMMUNS_TESTNET_DIR"
		COMMUNS_NODE="$binary" "$here/testnet.sh" start 4 >/dev/null
		load "${testnet_kinds:-$kinds}" "${testnet_accounts:-$accounts}" --url ws://127.0.0.1:9944 \
			--pid "$(cat "$COMMUNS_TESTNET_DIR/alice.pid")" \
			2>"$work/testnet-load.log"
		"$here/testnet.sh" stop >/dev/null
	fi
done
