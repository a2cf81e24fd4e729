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

# The nginx scripts/setup.sh unpacks, for tools/load/rpc-proxy.test.mjs.
export COMMUNS_NGINX="${COMMUNS_NGINX:-$HOME/.cache/communs/nginx/usr/sbin/nginx}"

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

# Installs the npm packages of the web app (web), the end-to-end tests (tests/e2e) and the load
# generator (tools/load), one npm workspace, as locked in package-lock.json.
npm_ci() {
	(cd "$COMMUNS_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

# Where the runtime's wasm lands after the node's build.
export COMMUNS_RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/communs-runtime/communs_runtime.compact.compressed.wasm"

# Builds the web app into web/dist: PAPI's typed descriptors from the committed metadata
# (web/.papi/metadata/communs.scale), then the type check and Vite's build.
build_web() {
	(cd "$COMMUNS_ROOT/web" && npx --no-install papi generate >/dev/null && npm run build --silent)
}

# Fails unless the web app's committed metadata is the built runtime's: after a runtime change,
# `scripts/web.sh metadata` writes it anew (and the descriptors with it).
check_web_metadata() {
	local fresh
	fresh="$(mktemp -d)"
	(cd "$fresh" && "$COMMUNS_ROOT/node_modules/.bin/papi" add communs --wasm "$COMMUNS_RUNTIME_WASM" \
		--skip-codegen >/dev/null 2>&1)
	if ! cmp -s "$fresh/.papi/metadata/communs.scale" "$COMMUNS_ROOT/web/.papi/metadata/communs.scale"; then
		rm -rf "$fresh"
		echo "web/.papi/metadata/communs.scale is not the runtime's metadata: run scripts/web.sh metadata" >&2
		return 1
	fi
	rm -rf "$fresh"
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
