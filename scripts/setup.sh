#!/usr/bin/env bash
# Installs what building and testing Communs needs on a fresh Debian 12 machine, and nothing
# that is already there: the C/C++ toolchain and libraries the node's crates build against,
# protoc, the wasm target for the runtime, Node.js for the end-to-end tests, Chromium for the
# web app's, and nginx for the RPC proxy's.
# Safe to run again and again.
#
#   COMMUNS_WASM_FALLBACK=1 scripts/setup.sh   skips rustup and prepares Debian's Rust instead
set -euo pipefail

log() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
# Installs the Debian packages among "$@" that are not installed yet.
apt_install() {
	local missing=()
	for package in "$@"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
			|| missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ $apt_updated -eq 0 ]; then
		log "apt-get update"
		as_root apt-get update -qq
		apt_updated=1
	fi
	log "installing ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# 1. What the node's crates compile against: librocksdb-sys (clang for bindgen, a C++ compiler),
#    the networking crates (protoc), litep2p's WebRTC (OpenSSL).
apt_install build-essential clang libclang-dev protobuf-compiler libssl-dev pkg-config git curl

# 2. A Rust toolchain. The machines this project runs on ship rustup's stable toolchain;
#    without one, Debian's Rust (1.96, newer than the project needs) is installed instead.
if ! command -v cargo >/dev/null 2>&1; then
	log "no cargo on PATH: installing Debian's rustc-web and cargo-web"
	apt_install rustc-web cargo-web
fi

# 2b. rustfmt, which scripts/test.sh checks the formatting with: rustup's component, else
#     Debian's package.
if ! cargo fmt --version >/dev/null 2>&1; then
	if ! { command -v rustup >/dev/null 2>&1 && timeout 120 rustup component add rustfmt; }; then
		apt_install rustfmt
	fi
fi

# 3. The runtime's wasm target.
wasm_target_ready() {
	command -v rustup >/dev/null 2>&1 \
		&& rustup target list --installed 2>/dev/null | grep -qx 'wasm32v1-none'
}

debian_sysroot_ready() {
	local libdir
	libdir="$(PATH=/usr/bin:$PATH rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32v1-none/lib"
	compgen -G "$libdir/libcore-*.rlib" >/dev/null && compgen -G "$libdir/liballoc-*.rlib" >/dev/null
}

# Debian's Rust with a wasm32v1-none `core`, `alloc` and `compiler_builtins` built from its own
# library sources, linked into rustup as the `debian-web` toolchain.
prepare_debian_wasm_toolchain() {
	apt_install rustc-web cargo-web rust-web-src rust-web-llvm lld-22
	if ! debian_sysroot_ready; then
		log "building core and alloc for wasm32v1-none with Debian's Rust"
		local dir
		dir="$(mktemp -d)"
		mkdir -p "$dir/src"
		printf '[package]\nname = "sysroot-build"\nversion = "0.0.0"\nedition = "2021"\n[lib]\ncrate-type = ["rlib"]\n[workspace]\n' >"$dir/Cargo.toml"
		echo '#![no_std]' >"$dir/src/lib.rs"
		(
			cd "$dir"
			export PATH=/usr/bin:$PATH
			# embed-bitcode makes the rlibs usable by LTO and non-LTO wasm builds alike.
			RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C embed-bitcode=yes" CARGO_TARGET_DIR="$dir/target" \
				cargo build --quiet --release -Zbuild-std=core,alloc --target wasm32v1-none
			libdir="$(rustc --print sysroot)/lib/rustlib/wasm32v1-none/lib"
			as_root mkdir -p "$libdir"
			as_root cp target/wasm32v1-none/release/deps/libcore-*.rlib \
				target/wasm32v1-none/release/deps/liballoc-*.rlib \
				target/wasm32v1-none/release/deps/libcompiler_builtins-*.rlib "$libdir/"
		)
		rm -rf "$dir"
	fi
	if command -v rustup >/dev/null 2>&1 && ! rustup toolchain list | grep -q '^debian-web'; then
		rustup toolchain link debian-web /usr
	fi
	log "the runtime's wasm will be built by Debian's Rust (WASM_BUILD_TOOLCHAIN=debian-web)"
}

if [ "${COMMUNS_WASM_FALLBACK:-0}" = 1 ]; then
	prepare_debian_wasm_toolchain
elif ! wasm_target_ready; then
	# A toolchain download may be unreachable: fail fast, then fall back.
	if command -v rustup >/dev/null 2>&1 && timeout 120 rustup target add wasm32v1-none; then
		log "installed rustup's wasm32v1-none target"
	else
		log "rustup could not add wasm32v1-none; using the Debian fallback"
		prepare_debian_wasm_toolchain
	fi
fi

# 4. Node.js and npm for the web app and the end-to-end tests (@polkadot/api).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm
fi

# 5. Debian's Chromium, the browser the web app's tests drive with playwright-core
#    (Playwright's own browser download is not reachable here).
apt_install chromium

# 6. nginx, for the test of the public RPC node's proxy (networks/rpc-proxy.nginx.conf):
#    Debian's package unpacked, not installed, since installing it starts a web server on port
#    80. Its libraries (OpenSSL, PCRE2, zlib) are already here.
nginx_dir="$HOME/.cache/communs/nginx"
if [ ! -x "$nginx_dir/usr/sbin/nginx" ]; then
	log "unpacking Debian's nginx into $nginx_dir"
	apt_install libpcre2-8-0 libssl3 zlib1g
	download="$(mktemp -d)"
	(cd "$download" && apt-get download nginx 2>/dev/null) \
		|| { as_root apt-get update -qq && (cd "$download" && apt-get download nginx); }
	mkdir -p "$nginx_dir"
	dpkg-deb -x "$download"/nginx_*.deb "$nginx_dir"
	rm -rf "$download"
fi

log "ready"
