#!/usr/bin/env bash
# Regenerates the weights of every benchmarked pallet of the runtime on this machine with
# `benchmark pallet`: Communs' own pallets into pallets/*/src/weights.rs (with
# scripts/weight-template.hbs), the FRAME pallets and frame-system's transaction extensions into
# runtime/src/weights/ (with the CLI's own template). Builds the node with
# `--features runtime-benchmarks` and keeps that binary as communs-node-benchmarks, so the
# ordinary build is not confused with it. Run it on a quiet machine: every figure is a time.
#
#   scripts/benchmark-pallets.sh              every pallet
#   scripts/benchmark-pallets.sh pallet_tokens frame_system_extensions
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

build_benchmark_node
bench="$COMMUNS_BENCH_NODE"

# pallet name → the crate directory whose src/weights.rs it writes.
declare -A pallets=(
	[pallet_tokens]=pallets/tokens
	[pallet_validator_set]=pallets/validator-set
	[pallet_daos]=pallets/daos
	[pallet_governance]=pallets/governance
	[pallet_royalties]=pallets/royalties
	[pallet_cofunding]=pallets/cofunding
	[pallet_service_payments]=pallets/service-payments
	[pallet_budgets]=pallets/budgets
	[pallet_donations]=pallets/donations
)
# Benchmarks whose setup fills storage with 100,000 members, holders or payments take fewer
# samples (a setup takes about a second); the others take 50 steps of 20 repeats.
declare -A samples=(
	[pallet_daos]="--steps 10 --repeat 10"
	[pallet_royalties]="--steps 10 --repeat 10"
	[pallet_cofunding]="--steps 10 --repeat 10"
	[pallet_service_payments]="--steps 10 --repeat 10"
	[pallet_budgets]="--steps 10 --repeat 10"
)
# The FRAME pallets whose weights the runtime takes from runtime/src/weights/<name>.rs.
frame=(
	frame_system frame_system_extensions pallet_balances pallet_transaction_payment
	pallet_timestamp pallet_sudo pallet_utility
)
for pallet in "${frame[@]}"; do pallets[$pallet]=runtime; done
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${!pallets[@]}")

run() {
	"$bench" benchmark pallet --chain dev --wasm-execution compiled --extrinsic '*' "$@"
}

for pallet in "${selected[@]}"; do
	dir="${pallets[$pallet]:?unknown pallet $pallet}"
	if [ "$dir" = runtime ]; then
		echo "== $pallet → runtime/src/weights/$pallet.rs" >&2
		run --steps 50 --repeat 20 --pallet "$pallet" --output "runtime/src/weights/$pallet.rs"
	else
		echo "== $pallet → $dir/src/weights.rs" >&2
		# shellcheck disable=SC2086 # the samples are two options and their values
		run ${samples[$pallet]:---steps 50 --repeat 20} --pallet "$pallet" \
			--template scripts/weight-template.hbs --output "$dir/src/weights.rs"
	fi
done
