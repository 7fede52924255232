#!/bin/sh
# Installs the linking peers if absent: npm minhash into .peers/linking, Debian python3-sklearn.
set -e
root=$(cd "$(dirname "$0")/../../.." && pwd)
if [ ! -d "$root/.peers/linking/node_modules/minhash" ]; then
  mkdir -p "$root/.peers/linking"
  (cd "$root/.peers/linking" && npm install --silent --no-audit --no-fund minhash)
fi
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  apt-get install -y -q python3-sklearn
fi
