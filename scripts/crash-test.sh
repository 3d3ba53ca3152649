#!/usr/bin/env bash
# The SIGKILL guarantee, measured: USERS beneficiaries complete the help request on the fake Bot API while
# the release safa-bot is killed KILLS times mid-work, then runs to the end. Prints lost, stuck and
# duplicated replies (with the age of each duplicate's first send at its kill) and duplicate references;
# exits 1 when anything was lost or stuck or a reference was filed twice.
#
#   scripts/crash-test.sh [USERS [KILLS]]     (defaults 1000 and 50; run from the repository root)
set -euo pipefail
users="${1:-1000}"
kills="${2:-50}"
swift build -c release --static-swift-stdlib --product safa-bot
swift build -c release --static-swift-stdlib --product safa-bench
exec .build/release/safa-bench crash "$users" "$kills"
