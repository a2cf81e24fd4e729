#!/usr/bin/env bash
# The web app's chores.
#   scripts/web.sh metadata   writes the built runtime's metadata into web/.papi and regenerates
#                             the app's typed descriptors (after any runtime change)
#   scripts/web.sh build      builds the app into web/dist
#   scripts/web.sh serve      builds it and serves it on http://127.0.0.1:8080
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/env.sh
source "$here/env.sh"

case "${1:-}" in
metadata)
	cd "$COMMUNS_ROOT/web"
	npx --no-install papi add communs --wasm "$COMMUNS_RUNTIME_WASM"
	;;
build)
	build_web
	;;
serve)
	build_web
	cd "$COMMUNS_ROOT/web"
	exec npx --no-install vite preview --host 127.0.0.1 --port "${COMMUNS_WEB_PORT:-8080}" --strictPort
	;;
*)
	sed -n '2,7p' "$0" >&2
	exit 2
	;;
esac
