# The communs-node image: Debian with the node binary built outside it and injected, the way
# polkadot-sdk's injected images are made, for zombienet's Kubernetes provider
# (networks/local.toml) and for validators that run containers (docs/validator.md).
#
#   cargo build --release --locked -p communs-node       (or scripts/run-dev.sh, scripts/test.sh)
#   mkdir -p image && cp "$HOME/.cache/communs/target/release/communs-node" image/
#   docker build -t communs-node -f Dockerfile image
#
# The binary links glibc and libstdc++ dynamically (`ldd`): the base is the Debian release it
# is built on (bookworm).
FROM docker.io/library/debian:bookworm-slim

RUN apt-get update \
	&& apt-get install -y --no-install-recommends ca-certificates libstdc++6 \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --create-home --uid 1000 --home-dir /communs communs \
	&& mkdir /data \
	&& chown communs:communs /data

COPY communs-node /usr/local/bin/communs-node

USER communs
# p2p, JSON-RPC, Prometheus
EXPOSE 30333 9944 9615
VOLUME ["/data"]
ENTRYPOINT ["/usr/local/bin/communs-node"]
CMD ["--base-path", "/data", "--chain", "local"]
