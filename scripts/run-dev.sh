#!/usr/bin/env bash
# Builds Communs and starts a development node: Alice authors and finalizes blocks, RPC on
# ws://127.0.0.1:9944, state in RocksDB under $COMMUNS_BASE_PATH (default
# ~/.local/share/communs-node). Extra arguments go to the node, e.g. `--rpc-port 9955`.
# Stop it with Ctrl-C; the chain is kept and resumes at the next start.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

cd "$COMMUNS_ROOT"
cargo build --release --locked -p communs-node

base_path="${COMMUNS_BASE_PATH:-$HOME/.local/share/communs-node}"
echo "Starting a development node: RPC ws://127.0.0.1:9944, state in $base_path" >&2
exec "$COMMUNS_NODE" --dev --base-path "$base_path" "$@"
