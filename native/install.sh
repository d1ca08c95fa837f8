#!/bin/sh
# Installs the native executable built by `./mvnw package -Dnative -DskipTests`.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
bin="$here/target/nemo-runner"
dest="${1:-$HOME/.local/bin}"
[ -x "$bin" ] || { echo "install: $bin not found; build it with ./mvnw package -Dnative -DskipTests" >&2; exit 1; }
mkdir -p "$dest"
cp "$bin" "$dest/nemo"
echo "Installed $dest/nemo"
