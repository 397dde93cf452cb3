#!/usr/bin/env bash
# The test command: builds everything and runs every test project. Tests start what they need themselves
# (an in-process Orleans cluster; parktwin as a child process).
set -euo pipefail
cd "$(dirname "$0")/.."
# Charts draw their text in DejaVu Sans; a machine without it gets the Debian package (the tests start the rest:
# PostgreSQL from the machine's binaries, Orleans silos in and out of process).
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v apt-get >/dev/null; then
  (apt-get install -y -q fonts-dejavu-core || (apt-get update -q && apt-get install -y -q fonts-dejavu-core)) >/dev/null 2>&1 \
    || echo "warning: could not install fonts-dejavu-core; chart text may render differently" >&2
fi
dotnet build ParkTwin.sln -c Release
dotnet test ParkTwin.sln -c Release --no-build "$@"
