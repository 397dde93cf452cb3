#!/usr/bin/env bash
# The test command: builds everything and runs every test project. Tests start what they need themselves
# (an in-process Orleans cluster; parktwin as a child process).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build ParkTwin.sln -c Release
dotnet test ParkTwin.sln -c Release --no-build "$@"
