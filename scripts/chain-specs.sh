#!/usr/bin/env bash
# Generates and checks the committed chain specs (chain-specs/) with the built node:
#
#   scripts/chain-specs.sh write                   regenerate local.json and testnet-template.json
#   scripts/chain-specs.sh check                   fail if they no longer match the runtime
#   scripts/chain-specs.sh fill TEMPLATE VALUES    print a spec with TEMPLATE's placeholders filled
#
# Build the node first (cargo build --release -p communs-node); see chain-specs/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
[ -x "$COMMUNS_NODE" ] || { echo "chain-specs: no node binary at $COMMUNS_NODE: build it first" >&2; exit 1; }
exec node "$here/lib/chain-specs.mjs" "$@"
