#!/bin/sh
# Installs the linking peers if absent: npm minhash into .peers/linking, Debian python3-sklearn.
# Safe to run repeatedly; each peer is installed on its own, so one failing does not keep the other out.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
status=0
if [ ! -d "$root/.peers/linking/node_modules/minhash" ]; then
  mkdir -p "$root/.peers/linking"
  (cd "$root/.peers/linking" && npm install --silent --no-audit --no-fund minhash) >&2 || status=1
fi
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  # A fresh machine has no package lists yet: update once when the plain install cannot find the package.
  ($sudo apt-get install -y -q python3-sklearn || ($sudo apt-get update -q && $sudo apt-get install -y -q python3-sklearn)) >&2 || status=1
fi
exit $status
