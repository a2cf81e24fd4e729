#!/usr/bin/env bash
# Runs a network of Communs validators on this machine, each with its own ports and base path,
# all on 127.0.0.1.
#
#   scripts/testnet.sh start [N]   starts the first N validators (default 4, at most 6) of
#                                  alice, bob, charlie, dave, eve, ferdie that are not running
#                                  (so it also restarts a stopped one on its base path). Each
#                                  gets its development session keys (`--alice`, ...); on the
#                                  `local` chain the first four validate from genesis, the
#                                  others once admitted.
#   scripts/testnet.sh status      lists the nodes and whether they run
#   scripts/testnet.sh stop        stops every node it started (SIGTERM, then SIGKILL after
#                                  30 s) and waits until none is left
#
# Node i (from 0) listens for peers on 127.0.0.1:$((30333 + i)) and serves RPC on
# ws://127.0.0.1:$((9944 + i)); alice is every other node's bootnode. State, logs and pid files
# live under $COMMUNS_TESTNET_DIR (default ~/.local/share/communs-testnet); starting again
# resumes the same chain, `rm -r` that directory to start over.
#
# Environment: COMMUNS_NODE (the binary; default: the one scripts/env.sh names),
# COMMUNS_CHAIN (default `local`, or the path of a chain spec such as chain-specs/local.json),
# COMMUNS_TESTNET_DIR, COMMUNS_P2P_PORT (default 30333), COMMUNS_RPC_PORT (default 9944).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

dir="${COMMUNS_TESTNET_DIR:-$HOME/.local/share/communs-testnet}"
chain="${COMMUNS_CHAIN:-local}"
p2p_base="${COMMUNS_P2P_PORT:-30333}"
rpc_base="${COMMUNS_RPC_PORT:-9944}"
names=(alice bob charlie dave eve ferdie)

die() {
	printf 'testnet: %s\n' "$*" >&2
	exit 1
}

# The pids of the nodes whose pid file names a live process.
running_pids() {
	local file
	for file in "$dir"/*.pid; do
		[ -e "$file" ] || continue
		is_running "$(basename "$file" .pid)" && cat "$file"
	done
	return 0
}

# Whether node $1 runs (its pid file names a live communs-node process).
is_running() {
	local file="$dir/$1.pid"
	[ -e "$file" ] && grep -qa communs-node "/proc/$(cat "$file")/cmdline" 2>/dev/null
}

start() {
	local count="${1:-4}"
	[[ "$count" =~ ^[1-6]$ ]] || die "N must be between 1 and 6, not '$count'"
	[ -x "$COMMUNS_NODE" ] || die "no node binary at $COMMUNS_NODE: build it first (cargo build --release -p communs-node)"
	mkdir -p "$dir"

	# A fixed node key per node (kept in its base path) gives alice a known peer id.
	local i name key_file bootnode=""
	for ((i = 0; i < count; i++)); do
		name="${names[$i]}"
		key_file="$dir/$name/node-key"
		if [ ! -s "$key_file" ]; then
			mkdir -p "$dir/$name"
			"$COMMUNS_NODE" key generate-node-key --file "$key_file" 2>/dev/null
		fi
	done
	bootnode="/ip4/127.0.0.1/tcp/$p2p_base/p2p/$("$COMMUNS_NODE" key inspect-node-key --file "$dir/alice/node-key")"

	for ((i = 0; i < count; i++)); do
		name="${names[$i]}"
		if is_running "$name"; then
			echo "$name is already running" >&2
			continue
		fi
		local args=(
			--chain "$chain" --base-path "$dir/$name" --name "$name" "--$name" --validator
			--node-key-file "$dir/$name/node-key"
			--listen-addr "/ip4/127.0.0.1/tcp/$((p2p_base + i))"
			--rpc-port "$((rpc_base + i))" --no-prometheus --no-mdns --no-telemetry
		)
		[ "$i" -eq 0 ] || args+=(--bootnodes "$bootnode")
		setsid "$COMMUNS_NODE" "${args[@]}" >"$dir/$name.log" 2>&1 </dev/null &
		echo $! >"$dir/$name.pid"
	done

	for ((i = 0; i < count; i++)); do
		name="${names[$i]}"
		if ! wait_for_rpc "$((rpc_base + i))" 120; then
			stop
			die "$name did not answer on port $((rpc_base + i)); see $dir/$name.log"
		fi
		echo "$name ws://127.0.0.1:$((rpc_base + i)) (log: $dir/$name.log)"
	done
}

status() {
	local file name
	for file in "$dir"/*.pid; do
		[ -e "$file" ] || { echo "no testnet under $dir"; return 0; }
		name="$(basename "$file" .pid)"
		if is_running "$name"; then
			echo "$name running (pid $(cat "$file"))"
		else
			echo "$name stopped"
		fi
	done
}

stop() {
	local pids
	mapfile -t pids < <(running_pids)
	if [ ${#pids[@]} -gt 0 ]; then
		kill -TERM "${pids[@]}" 2>/dev/null || true
		local deadline=$((SECONDS + 30)) pid
		while [ -n "$(running_pids)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
		for pid in $(running_pids); do kill -KILL "$pid" 2>/dev/null || true; done
		while [ -n "$(running_pids)" ]; do sleep 0.1; done
	fi
	rm -f "$dir"/*.pid
	echo "testnet stopped"
}

case "${1:-}" in
start) start "${2:-4}" ;;
stop) stop ;;
status) status ;;
*) die "usage: scripts/testnet.sh start [N] | status | stop" ;;
esac
