#!/usr/bin/env bash
# Rehearses the next runtime upgrade the way a live network will see it: four validators start
# from an older committed chain spec, fill with the load generator's transactions and the
# stories' DAOs, campaigns, sales, rides and royalties; the chain's DAO votes the new code's hash
# (`authorizeUpgrade`), try-runtime checks the upgrade over a validator's exported state, anyone
# submits the code (`applyAuthorizedUpgrade`) while one validator is down, and every storage
# item of the Communs pallets, every account and the dao_* RPC views must read the same after;
# the stopped validator follows onto the new runtime and all four go on finalizing.
# tools/load/upgrade-rehearsal.mjs says each step.
#
#   scripts/upgrade-rehearsal.sh [COMMIT] [LOAD_SECONDS]
#
# COMMIT: where to take chain-specs/local.json from (default: the newest commit whose spec
# embeds a runtime older than this tree's). LOAD_SECONDS: how long the load generator runs
# before the upgrade (default 20). Prints the rehearsal's report (JSON); with
# COMMUNS_REHEARSAL_REPORT=<file> also writes it there. The network's logs and databases are in a
# temporary directory, removed at the end unless COMMUNS_REHEARSAL_KEEP=1.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

if ! command -v zstd >/dev/null; then
	echo "== installing zstd (Debian), to read the runtime a chain spec embeds" >&2
	root=()
	[ "$(id -u)" -eq 0 ] || root=(sudo)
	"${root[@]}" apt-get update -qq
	"${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zstd
fi
cargo build --release --locked -p communs-node
npm_ci >&2

work="$(mktemp -d)"
cleanup() {
	[ "${COMMUNS_REHEARSAL_KEEP:-0}" = 1 ] && echo "upgrade-rehearsal: kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

args=(--dir "$work" --load-seconds "${2:-20}" --report "$work/report.json")
[ -n "${1:-}" ] && args+=(--from "$1")
(cd tools/load && node upgrade-rehearsal.mjs "${args[@]}" >&2)
cat "$work/report.json"
[ -z "${COMMUNS_REHEARSAL_REPORT:-}" ] || cp "$work/report.json" "$COMMUNS_REHEARSAL_REPORT"
