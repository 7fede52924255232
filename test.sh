#!/usr/bin/env bash
# Runs every test of Warta on a fresh machine that has the .NET 10 SDK: installs what the tests need
# (Debian's chromium for the browser tests), builds with warnings as errors, checks formatting, runs the tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
mkdir -p artifacts
bash scripts/install-test-deps.sh
dotnet build Warta.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet format Warta.slnx --verify-no-changes --no-restore -v quiet
set +e
dotnet test Warta.slnx -c Release --no-build --nologo 2>&1 | tee artifacts/test.log
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test projects.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' artifacts/test.log
exit "$status"
