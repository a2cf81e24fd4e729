#!/usr/bin/env bash
# Builds Communs and its web app, starts a development node (Alice authors and finalizes
# blocks) and serves the app beside it:
#   app                     http://127.0.0.1:8080  ($COMMUNS_WEB_PORT)
#   node RPC                ws://127.0.0.1:9944    ($COMMUNS_RPC_PORT)
#   p2p for light clients   /ip4/127.0.0.1/tcp/30333/ws ($COMMUNS_P2P_PORT), named with the
#                           node's peer id in the chain spec the app serves (chain-spec.json)
# State is kept in RocksDB under $COMMUNS_BASE_PATH (default ~/.local/share/communs-node) and
# resumes at the next start. Extra arguments go to the node. Stop both with Ctrl-C.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

cd "$COMMUNS_ROOT"
cargo build --release --locked -p communs-node
npm_ci
build_web

base_path="${COMMUNS_BASE_PATH:-$HOME/.local/share/communs-node}"
rpc_port="${COMMUNS_RPC_PORT:-9944}"
p2p_port="${COMMUNS_P2P_PORT:-30333}"
web_port="${COMMUNS_WEB_PORT:-8080}"

"$COMMUNS_NODE" --dev --base-path "$base_path" --rpc-port "$rpc_port" \
	--listen-addr "/ip4/127.0.0.1/tcp/$p2p_port/ws" "$@" &
node_pid=$!
web_pid=
trap 'kill $node_pid $web_pid 2>/dev/null || true' EXIT INT TERM
wait_for_rpc "$rpc_port" 120 || { echo "the node's RPC did not answer" >&2; exit 1; }

# The light client (smoldot, in the app) needs the chain spec and a node to reach over
# WebSocket: this node, by its peer id.
peer="$(curl -sf -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"system_localPeerId","params":[]}' \
	"http://127.0.0.1:$rpc_port" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result))')"
"$COMMUNS_NODE" build-spec --chain dev --raw 2>/dev/null \
	| BOOTNODE="/ip4/127.0.0.1/tcp/$p2p_port/ws/p2p/$peer" node -e '
		let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
			const spec = JSON.parse(s); spec.bootNodes = [process.env.BOOTNODE];
			process.stdout.write(JSON.stringify(spec));
		});' >"$COMMUNS_ROOT/web/dist/chain-spec.json"

(cd "$COMMUNS_ROOT/web" && exec npx --no-install vite preview --host 127.0.0.1 --port "$web_port" --strictPort >/dev/null) &
web_pid=$!
cat >&2 <<EOM

  Communs is running.
    app        http://127.0.0.1:$web_port/?rpc=ws://127.0.0.1:$rpc_port
    node RPC   ws://127.0.0.1:$rpc_port
    state      $base_path
  Stop with Ctrl-C.

EOM
wait "$node_pid"
