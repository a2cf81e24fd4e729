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
