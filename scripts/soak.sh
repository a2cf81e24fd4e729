#!/usr/bin/env bash
# A long run under steady load: a development node of its own, the load generator's three kinds
# (transfers, token transfers, votes) at RATE transactions a second in all, one row a minute of
# the node's memory, database size, block time, finality lag and lost transactions into a CSV,
# plotted with gnuplot (installed from Debian if missing) into a PNG.
#
#   scripts/soak.sh [DURATION] [RATE]
#
# DURATION: 24h by default; 90m, 2h, ... RATE: 600 by default, half the ~1,200 tx/s the node
# sustained (docs/performance.md). Output: $COMMUNS_SOAK_OUT (default docs/soak), soak.csv
# and soak.png there; the node's log and database in a temporary directory, removed at the end
# unless COMMUNS_SOAK_KEEP=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

duration="${1:-24h}"
rate="${2:-600}"
case "$duration" in
*h) minutes=$((${duration%h} * 60)) ;;
*m) minutes=${duration%m} ;;
*) echo "soak: DURATION is like 90m or 24h, not '$duration'" >&2 && exit 2 ;;
esac
out="${COMMUNS_SOAK_OUT:-$COMMUNS_ROOT/docs/soak}"
rpc_port="${COMMUNS_SOAK_RPC_PORT:-9955}"
mkdir -p "$out"

if ! command -v gnuplot >/dev/null; then
	echo "== installing gnuplot-nox (Debian) for the plot" >&2
	root=()
	[ "$(id -u)" -eq 0 ] || root=(sudo)
	"${root[@]}" apt-get update -qq
	"${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gnuplot-nox
fi
cargo build --release --locked -p communs-node
npm_ci

work="$(mktemp -d)"
node_pid=
cleanup() {
	[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
	[ "${COMMUNS_SOAK_KEEP:-0}" = 1 ] && echo "soak: node data kept in $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

"$COMMUNS_NODE" --dev --base-path "$work/node" --rpc-port "$rpc_port" --no-telemetry --no-mdns \
	--listen-addr /ip4/127.0.0.1/tcp/0 --prometheus-port 0 >"$work/node.log" 2>&1 &
node_pid=$!
wait_for_rpc "$rpc_port" 120 || { echo "soak: the node's RPC did not answer" >&2; exit 1; }

echo "== soak: $rate tx/s for $minutes min; a row a minute in $out/soak.csv" >&2
(cd tools/load && node soak.mjs --url "ws://127.0.0.1:$rpc_port" --pid "$node_pid" \
	--base-path "$work/node" --minutes "$minutes" --rate "$rate" --csv "$out/soak.csv")

gnuplot <<EOF
set datafile separator ','
set terminal pngcairo size 1200,900 noenhanced
set output '$out/soak.png'
set multiplot layout 2,2 title 'communs-node --dev under $rate tx/s for $duration (scripts/soak.sh)'
set xlabel 'minute'
set xrange [0:*]
set key top left
set title 'memory and database (MiB)'
plot '$out/soak.csv' skip 1 using 1:3 with lines title 'resident memory', \
     '' skip 1 using 1:4 with lines title 'database on disk'
set title 'block time (ms) and finality lag (blocks)'
set y2tics
set ytics nomirror
plot '$out/soak.csv' skip 1 using 1:8 with lines title 'block time' axes x1y1, \
     '' skip 1 using 1:7 with lines title 'finality lag' axes x1y2
unset y2tics
set ytics mirror
set title 'transactions a minute'
plot '$out/soak.csv' skip 1 using 1:9 with lines title 'sent', \
     '' skip 1 using 1:10 with lines title 'included', \
     '' skip 1 using 1:12 with lines title 'refused'
set title 'transactions lost (cumulative)'
plot '$out/soak.csv' skip 1 using 1:11 with lines title 'lost'
unset multiplot
EOF
echo "soak: $out/soak.csv, $out/soak.png" >&2
