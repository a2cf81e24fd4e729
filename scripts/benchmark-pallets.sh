#!/usr/bin/env bash
# Regenerates the weights of Communs' pallets on this machine with `benchmark pallet`, and
# measures pallet-balances' transfer_keep_alive on the same machine for comparison
# (docs/performance.md). Builds the node with `--features runtime-benchmarks` and keeps that
# binary as communs-node-benchmarks, so the ordinary build is not confused with it.
#
#   scripts/benchmark-pallets.sh              every Communs pallet
#   scripts/benchmark-pallets.sh pallet_tokens
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

# The storage-access test runtime is a second wasm build frame-benchmarking-cli only needs for
# `benchmark storage`; pallet benchmarks do without it.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --release --locked -p communs-node --features runtime-benchmarks
bench="$CARGO_TARGET_DIR/release/communs-node-benchmarks"
cp "$CARGO_TARGET_DIR/release/communs-node" "$bench"

# pallet name → the crate directory whose src/weights.rs it writes.
declare -A pallets=(
	[pallet_tokens]=pallets/tokens
	[pallet_validator_set]=pallets/validator-set
	[pallet_daos]=pallets/daos
	[pallet_governance]=pallets/governance
	[pallet_royalties]=pallets/royalties
	[pallet_cofunding]=pallets/cofunding
	[pallet_service_payments]=pallets/service-payments
)
# Benchmarks whose setup fills storage with 100,000 holders or payments take fewer samples (a setup
# takes about a second); the others take 50 steps of 20 repeats.
declare -A samples=(
	[pallet_royalties]="--steps 10 --repeat 10"
	[pallet_cofunding]="--steps 10 --repeat 10"
	[pallet_service_payments]="--steps 10 --repeat 10"
)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${!pallets[@]}")

run() {
	"$bench" benchmark pallet --chain dev --wasm-execution compiled --extrinsic '*' "$@"
}

for pallet in "${selected[@]}"; do
	dir="${pallets[$pallet]:?unknown pallet $pallet}"
	echo "== $pallet → $dir/src/weights.rs" >&2
	# shellcheck disable=SC2086 # the samples are two options and their values
	run ${samples[$pallet]:---steps 50 --repeat 20} --pallet "$pallet" --template scripts/weight-template.hbs --output "$dir/src/weights.rs"
done

# The reference point of docs/performance.md: pallet-balances measured here, not its shipped
# weights. Written outside the tree; nothing uses it but the comparison.
echo "== pallet_balances (comparison only) → $CARGO_TARGET_DIR/balances-weights.rs" >&2
"$bench" benchmark pallet --chain dev --wasm-execution compiled --steps 50 --repeat 20 \
	--pallet pallet_balances --extrinsic transfer_keep_alive,transfer_allow_death \
	--output "$CARGO_TARGET_DIR/balances-weights.rs"
