#!/usr/bin/env bash
# Language ID side by side: Warta, Debian langdetect and npm franc on the same TSVs in one run.
# Usage: bash bench/peers/lang/run-eval.sh [../shared/data]   (prints: tool, items, accuracy, items/s)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
data="${1:-$root/../shared/data}"
out="$(mktemp -d)"
bash "$root/bench/peers/lang/install.sh"
/usr/bin/python3 "$root/bench/peers/lang/make-eval.py" "$data" "$out" >/dev/null
dotnet build "$root/tools/Warta.Train" -c Release -v q >/dev/null
for set in articles headlines; do
  echo "## $set"
  dotnet "$root/tools/Warta.Train/bin/Release/net10.0/Warta.Train.dll" lang-eval "$out/$set.tsv"
  /usr/bin/python3 "$root/bench/peers/lang/langdetect-peer.py" "$out/$set.tsv"
  node "$root/bench/peers/lang/franc-peer.mjs" "$out/$set.tsv"
done
rm -rf "$out"
