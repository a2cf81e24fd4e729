#!/usr/bin/env bash
# Checks this tree's runtime upgrade the way try-runtime-cli's `on-runtime-upgrade` does, over
# the state of a chain a node ran: every migration's and pallet's pre- and post-upgrade checks
# (a pallet whose storage version on chain differs from its code's fails: a missing
# migration), every pallet's invariants (`try_state`) and the cross-pallet ones after it, and
# that the upgrade fits in a block. try-runtime-cli is not published for polkadot-sdk stable2609,
# so the runtime runs natively, built with `--features try-runtime`, in
# `tests::try_runtime::the_runtime_upgrade_passes_try_runtime_over_an_exported_state`.
#
#   scripts/try-runtime.sh                 a development chain, filled by the load generator
#   scripts/try-runtime.sh state.json      a state exported from any chain:
#                                          communs-node export-state --chain <spec> --base-path <dir>
#   scripts/try-runtime.sh state.json block.hex
#                                          what try-runtime-cli's `execute-block` checks: the
#                                          block (its SCALE encoding in hex) executed again over
#                                          the state of its parent, signatures, invariants, every
#                                          stored value decoded and the state root checked
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

state="${1:-}"
if [ -z "$state" ]; then
	cargo build --release --locked -p communs-node
	work="$(mktemp -d)"
	trap 'rm -rf "$work"' EXIT
	# A development chain with what the load generator leaves: funded accounts, a token and its
	# holders, a proposal and its votes.
	npm_ci
	(cd tools/load && node load.mjs --kinds transfer,tokens,vote --accounts 200 --per-account 5 --seconds 20 \
			--base-path "$work/node" >"$work/load.log")
	"$COMMUNS_NODE" export-state --chain dev --base-path "$work/node" >"$work/state.json" 2>/dev/null
	state="$work/state.json"
fi

test=tests::try_runtime::the_runtime_upgrade_passes_try_runtime_over_an_exported_state
block="${2:-}"
if [ -n "$block" ]; then
	test=tests::try_runtime::a_block_of_the_chain_executes_again_with_every_check
	COMMUNS_TRY_RUNTIME_BLOCK="$(realpath "$block")"
	export COMMUNS_TRY_RUNTIME_BLOCK
fi
COMMUNS_TRY_RUNTIME_STATE="$(realpath "$state")" SKIP_WASM_BUILD=1 cargo test --release --locked \
	-p communs-runtime --features try-runtime --lib -- --ignored --exact "$test" --nocapture
