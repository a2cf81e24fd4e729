#!/usr/bin/env bash
# Measures the incremental build times docs/build.md reports, on a warm target dir:
# a change in the node only, and a change in the runtime (native and wasm). Each figure is the
# wall-clock time of `cargo build --release -p communs-node` after touching one file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

build() { cargo build --release --locked -p communs-node --quiet; }
seconds() { local start=$SECONDS; "$@"; echo $((SECONDS - start)); }

build # make sure everything is up to date first
printf 'no change:      %4d s\n' "$(seconds build)"
touch node/src/service.rs
printf 'node change:    %4d s\n' "$(seconds build)"
touch runtime/src/lib.rs
printf 'runtime change: %4d s\n' "$(seconds build)"
