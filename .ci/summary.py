#!/usr/bin/env python3
# summary.py: prints "N passed, N failed[, N skipped]" from meson's own test log.
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# TAP programs count each of their test cases; other tests count once. A TAP program that
# crashed or failed without a "not ok" line still counts as one failure, so a crash is never
# hidden behind its passing cases.
import json
import re
import sys

log = sys.argv[1] if len(sys.argv) > 1 else "build/meson-logs/testlog.json"
passed = failed = skipped = 0
with open(log, encoding="utf-8") as f:
    for line in f:
        test = json.loads(line)
        result = test["result"]
        out = test.get("stdout") or ""
        oks = nots = skips = 0
        for tap in out.splitlines():
            if re.match(r"^ok \d+", tap):
                if "# SKIP" in tap:
                    skips += 1
                else:
                    oks += 1
            elif re.match(r"^not ok \d+", tap):
                if "# TODO" not in tap:
                    nots += 1
        if oks + nots + skips == 0:
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
            continue
        passed += oks
        skipped += skips
        failed += nots
        if result not in ("OK", "EXPECTEDFAIL", "SKIP") and nots == 0:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
