#!/usr/bin/env bash
# Runs every test of Communs: the Rust unit and runtime tests, the whole-runtime fuzzer's short
# run and the upgrade rehearsal, then the end-to-end tests that start the real node binary and
# drive it over JSON-RPC with @polkadot/api, the load generator's (with the RPC soak's and the
# long soak's short runs), the zombienet network's, and the web app's in a real browser
# (Debian's Chromium) against a real node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

cd "$COMMUNS_ROOT"
echo "== formatting (cargo fmt --check; run cargo fmt to fix)" >&2
cargo fmt --all --check

echo "== building communs-node (release)" >&2
cargo build --release --locked -p communs-node

echo "== Rust tests" >&2
# The fuzzer is built with the runtime's try-runtime feature: apart, so that the feature does not
# reach this build's runtime.
cargo test --release --locked --workspace --exclude communs-fuzz

echo "== runtime tests with every pallet's invariants checked after each block (try-runtime)" >&2
SKIP_WASM_BUILD=1 cargo test --release --locked -p communs-runtime --features try-runtime

echo "== the whole-runtime fuzzer, 20,000 random calls (docs/reliability.md)" >&2
fuzz_log="$(mktemp)"
SKIP_WASM_BUILD=1 cargo run --release --locked -p communs-fuzz -- \
	--seed "${COMMUNS_FUZZ_SEED:-$(date +%s)}" --calls 20000 >"$fuzz_log"
head -n 1 "$fuzz_log"

echo "== the upgrade rehearsal: four validators from the last older chain spec, try-runtime, the upgrade by vote" >&2
"$here/upgrade-rehearsal.sh" "" 10

echo "== benchmarks of each pallet, run once on its mock runtime" >&2
for manifest in pallets/*/Cargo.toml; do
	grep -q '^runtime-benchmarks' "$manifest" || continue
	SKIP_WASM_BUILD=1 cargo test --release --locked --manifest-path "$manifest" \
		--features runtime-benchmarks
done

echo "== end-to-end tests" >&2
npm_ci
(cd "$COMMUNS_ROOT/tests/e2e" && npm test)

echo "== the four validators as a zombienet network, and its test (networks/local.zndsl)" >&2
"$here/zombienet.sh" test

echo "== the load generator's own tests, and the RPC soak's short run" >&2
(cd "$COMMUNS_ROOT/tools/load" && npm test)

echo "== the web app: its metadata is the runtime's; type check, build, browser tests" >&2
check_web_metadata
build_web
(cd "$COMMUNS_ROOT/web" && npm test)
