#!/usr/bin/env bash
# Runs the load generator (tools/load/load.mjs) against a development node of its own, or with
# `--url ws://...` against a running node; prints one summary line per kind of transaction.
# Arguments go to the generator, e.g.
#   scripts/load.sh --kinds transfer --accounts 1000 --per-account 40 --seconds 60
# See docs/performance.md for what it measures and the figures it gave on this machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

cd "$COMMUNS_ROOT"
cargo build --release --locked -p communs-node
npm_ci
cd "$COMMUNS_ROOT/tools/load"
exec node load.mjs "$@"
