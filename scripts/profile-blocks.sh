#!/usr/bin/env bash
# Shows where the time goes when a validator executes blocks: `benchmark block` re-executes
# blocks of a chain kept by `scripts/performance.sh --keep DIR` under `perf record`, with
# wasmtime telling perf the names of the runtime's compiled functions
# (WASMTIME_PROFILING_STRATEGY=perfmap), and prints where the samples fell: summed by what the
# code is for (the runtime's own wasm, signature checks, hashing, the state database, ...),
# then the hottest functions.
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
bench="$COMMUNS_BENCH_NODE"
[ -x "$bench" ] || { echo "$bench is missing: run scripts/benchmark-pallets.sh first" >&2; exit 1; }

out="$chain/profile-$from-$to"
WASMTIME_PROFILING_STRATEGY=perfmap perf record --quiet -F 1999 -g -o "$out.data" -- \
	"$bench" benchmark block --chain "$chain/spec.json" --base-path "$chain/db" \
	--from "$from" --to "$to" --repeat "$repeat" 2>&1 | grep 'Block .* of its weight' || true
perf report -i "$out.data" --no-children --sort dso,symbol --stdio 2>/dev/null >"$out.txt"
# Self time per function, summed into what it is for; then the hottest functions.
grep -E '^ +[0-9.]+%' "$out.txt" | awk '
	{ share = $1 + 0; line = $0
	  if (line ~ /\[JIT\]/) kind = "the runtime'"'"'s own code (wasm, compiled)"
	  else if (line ~ /cranelift|regalloc2|wasmparser|gimli/) kind = "compiling the runtime (once per process)"
	  else if (line ~ /curve25519|schnorrkel|merlin|ed25519|sr25519|keccak|ecdsa|secp256k1/) kind = "signature verification"
	  else if (line ~ /blake2|xxhash|twox|sha2|Sha256/) kind = "hashing"
	  else if (line ~ /rocksdb|kvdb|trie_db|sp_trie|memory_db|hash_db|sp_state_machine|sc_client_db|trie_cache|OverlayedChanges|parity_db/) kind = "state: database, trie and overlay"
	  else if (line ~ /memmove|memcpy|memcmp|memset|malloc|free|realloc|_int_|cfree/) kind = "memory copies and allocation (libc)"
	  else if (line ~ /wasmtime|sc_executor|sp_wasm_interface|sp_runtime_interface|sc_allocator|sp_io/) kind = "executor: host calls and the runtime'"'"'s memory"
	  else if (line ~ /kernel/) kind = "kernel"
	  else kind = "other"
	  total[kind] += share }
	END { for (kind in total) printf "%6.1f%%  %s\n", total[kind], kind }' | sort -rn
echo "-- hottest functions (self time, at least 1%):"
grep -E '^ +[0-9.]+%' "$out.txt" | awk '$1 + 0 >= 1' | sed 's/\[\.\] //; s/  */ /g' | cut -c1-160
