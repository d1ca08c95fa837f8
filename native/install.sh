#!/bin/sh
# Installs nemo into <bin-dir> (default ~/.local/bin): the native executable built by
# `./mvnw package -Dnative -DskipTests`, or with --jvm a link to the JVM launcher src/main/sh/nemo
# (after `./mvnw package -DskipTests`); and the man pages every build generates in target/man/man1
# into ${MANDIR:-~/.local/share/man}/man1, where man finds them when ~/.local/bin is on the PATH.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
mode=native
if [ "${1:-}" = "--jvm" ]; then
  mode=jvm
  shift
fi
dest="${1:-$HOME/.local/bin}"
man_dest="${MANDIR:-$HOME/.local/share/man}/man1"
if [ "$mode" = native ]; then
  bin="$here/target/nemo-runner"
  [ -x "$bin" ] || { echo "install: $bin not found; build it with ./mvnw package -Dnative -DskipTests, or install the JVM build with --jvm" >&2; exit 1; }
  mkdir -p "$dest"
  cp "$bin" "$dest/nemo"
else
  jar="$here/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || { echo "install: $jar not found; build it with ./mvnw package -DskipTests" >&2; exit 1; }
  mkdir -p "$dest"
  ln -sf "$here/src/main/sh/nemo" "$dest/nemo"
fi
echo "Installed $dest/nemo"
pages="$here/target/man/man1"
if [ -f "$pages/nemo.1" ]; then
  mkdir -p "$man_dest"
  cp "$pages"/*.1 "$man_dest/"
  echo "Installed the man pages in $man_dest (man nemo, man nemo-models-status, …)"
else
  echo "install: no man pages in $pages (a build with -Dnemo.man.skip=true?); skipped them" >&2
fi
