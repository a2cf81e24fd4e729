#!/usr/bin/env bash
# Runs clippy over the whole workspace, every feature set the tests build (plain,
# runtime-benchmarks, try-runtime), with the workspace's lints (Cargo.toml's
# [workspace.lints]) and every warning an error. Not part of scripts/test.sh or CI: a clippy
# pass is a check build of every dependency, about as long again as CI's own build on two
# cores (docs/build.md). Run it before sending a change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

# The runtime's wasm is built by the ordinary build; clippy checks its code natively.
export SKIP_WASM_BUILD=1
for features in "" "runtime-benchmarks" "try-runtime"; do
	echo "== clippy${features:+ --features $features}" >&2
	cargo clippy --release --locked --workspace --all-targets ${features:+--features "$features"} \
		-- -D warnings
done
