#!/usr/bin/env bash
# Runs Communs' zombienet networks (networks/*.toml) and their tests (networks/*.zndsl) on this
# machine with zombienet's native provider: the nodes are processes, on 127.0.0.1.
#
#   scripts/zombienet.sh test [networks/local.zndsl]   runs a test file, ends with its result
#   scripts/zombienet.sh spawn [networks/local.toml]   starts a network and keeps it up (Ctrl-C)
#
# It builds the node, installs zombienet (networks/package.json, as locked) and writes the raw
# chain spec of `--chain local` the network files name (COMMUNS_CHAIN_SPEC).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"
cd "$COMMUNS_ROOT"

command="${1:-test}"
case "$command" in
test) file="${2:-networks/local.zndsl}" ;;
spawn) file="${2:-networks/local.toml}" ;;
*) echo "zombienet.sh: test or spawn, not '$command'" >&2 && exit 2 ;;
esac

cargo build --release --locked -p communs-node
(cd networks && npm ci --no-audit --no-fund --loglevel=error)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$COMMUNS_NODE" build-spec --chain local --raw >"$work/local-raw.json" 2>/dev/null

# The network files run `communs-node`: this build's, first on the PATH.
mkdir -p "$work/bin"
ln -s "$COMMUNS_NODE" "$work/bin/communs-node"
PATH="$work/bin:$PATH" COMMUNS_CHAIN_SPEC="$work/local-raw.json" COMMUNS_IMAGE=communs-node \
	networks/node_modules/.bin/zombienet --provider native --logType text --force --dir "$work/network" \
	"$command" "$file"
