# Sourced by the other scripts: the build environment every build and test of Communs shares.
# shellcheck shell=bash

COMMUNS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export COMMUNS_ROOT

# One persistent target dir outside the checkout, for the scripts, a developer's shell and CI
# alike, so a rebuild compiles only what changed.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/communs/target}"
# With the target dir outside the workspace, substrate-wasm-builder must be told where the
# workspace (its Cargo.lock) is.
export WASM_BUILD_WORKSPACE_HINT="$COMMUNS_ROOT"

# The runtime's wasm is built by rustup's toolchain when it has the `wasm32v1-none` target, and
# otherwise by Debian's Rust (`debian-web`), which scripts/setup.sh prepares as the fallback.
if command -v rustup >/dev/null 2>&1 \
	&& ! rustup target list --installed 2>/dev/null | grep -qx 'wasm32v1-none' \
	&& rustup toolchain list 2>/dev/null | grep -q '^debian-web'; then
	export WASM_BUILD_TOOLCHAIN=debian-web
fi

# Where `communs-node` lands after `cargo build --release`.
export COMMUNS_NODE="${COMMUNS_NODE:-$CARGO_TARGET_DIR/release/communs-node}"

# Where scripts/benchmark-pallets.sh keeps the node built with the runtime's benchmarks.
export COMMUNS_BENCH_NODE="$CARGO_TARGET_DIR/release/communs-node-benchmarks"

# Builds the node with `--features runtime-benchmarks` (the `benchmark` subcommands) and keeps
# it as $COMMUNS_BENCH_NODE, so that a later plain build does not replace it. The
# storage-access test runtime is a second wasm build only `benchmark storage` over a test
# runtime needs; Communs' benchmarks do without it.
build_benchmark_node() {
	SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1 \
		cargo build --release --locked -p communs-node --features runtime-benchmarks
	cp "$CARGO_TARGET_DIR/release/communs-node" "$COMMUNS_BENCH_NODE"
}

# Installs the npm packages of the end-to-end tests (tests/e2e) and the load generator
# (tools/load), one npm workspace, as locked in package-lock.json.
npm_ci() {
	(cd "$COMMUNS_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

# Waits until a node's RPC on 127.0.0.1:$1 answers system_health; fails after $2 seconds.
wait_for_rpc() {
	local port="$1" deadline=$((SECONDS + $2))
	until curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
		"http://127.0.0.1:$port" >/dev/null 2>&1; do
		[ $SECONDS -lt $deadline ] || return 1
		sleep 0.5
	done
}
