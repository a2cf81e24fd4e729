#!/usr/bin/env bash
# Shows where the time goes when a validator executes blocks: `benchmark block` re-executes
# blocks of a chain kept by `scripts/performance.sh --keep DIR` under `perf record`, with
# wasmtime telling perf the names of the runtime's compiled functions
# (WASMTIME_PROFILING_STRATEGY=perfmap), and prints perf's report of the hottest functions.
# Needs `perf` (Debian package linux-perf) and the runtime-benchmarks build
# (scripts/benchmark-pallets.sh).
#
#   scripts/profile-blocks.sh KEPT_CHAIN FROM TO [REPEAT]
#
# KEPT_CHAIN is one DIR/<n>-<binary> directory; FROM and TO the first and last block to
# execute, REPEAT (default 3) how often each. The recording and the full report stay in
# KEPT_CHAIN/profile-FROM-TO.{data,txt}.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

[ $# -ge 3 ] || { echo "usage: $0 KEPT_CHAIN FROM TO [REPEAT]" >&2; exit 2; }
chain="$1" from="$2" to="$3" repeat="${4:-3}"
[ -s "$chain/spec.json" ] && [ -d "$chain/db" ] ||
	{ echo "$chain holds no chain kept by scripts/performance.sh --keep" >&2; exit 1; }
command -v perf >/dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }
bench="$CARGO_TARGET_DIR/release/communs-node-benchmarks"
[ -x "$bench" ] || { echo "$bench is missing: run scripts/benchmark-pallets.sh first" >&2; exit 1; }

out="$chain/profile-$from-$to"
WASMTIME_PROFILING_STRATEGY=perfmap perf record --quiet -F 1999 -g -o "$out.data" -- \
	"$bench" benchmark block --chain "$chain/spec.json" --base-path "$chain/db" \
	--from "$from" --to "$to" --repeat "$repeat" 2>&1 | grep 'Block .* of its weight' || true
perf report -i "$out.data" --no-children --sort symbol --stdio 2>/dev/null >"$out.txt"
# The functions that took at least 0.5% of the samples, self time, hottest first.
grep -E '^ +[0-9.]+%' "$out.txt" | awk '$1 + 0 >= 0.5' | sed 's/\[\.\] //'
