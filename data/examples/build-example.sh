#!/bin/sh
# build-example.sh: rebuilds harbour-leak.crosscheck from the articles with crosscheck-cli.
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: data/examples/build-example.sh build/app/cli/crosscheck-cli
set -eu
cli=${1:?usage: build-example.sh PATH/TO/crosscheck-cli}
here=$(dirname "$0")
project="$here/harbour-leak.crosscheck"
a="$here/articles"

"$cli" new "$project" --force --title "The Marrowby water emails" \
  --description "Five outlets report the leaked Kessel Valley Water Authority emails (fictional)."
"$cli" import "$project" "$a/wire-digest.txt" --id wire-digest --outlet "Wire Digest" \
  --author "Priya Halloran" --published 2026-03-13T15:20:00+00:00 --language en-GB \
  --url https://wire-digest.example/news/2026/03/13/kessel-valley-water-emails
"$cli" import "$project" "$a/harbour-gazette.txt" --id harbour-gazette \
  --outlet "The Harbour Gazette" --author "Owen Treadgold" \
  --published 2026-03-13T19:45:00+00:00 --language en-GB \
  --url https://harbour-gazette.example/news/2026/mar/13/water-chief-kept-contamination-warning-quiet
"$cli" import "$project" "$a/northern-ledger.txt" --id northern-ledger \
  --outlet "The Northern Ledger" --author "Frances Marchbank" \
  --published 2026-03-14T08:30:00+00:00 --language en-GB \
  --url https://northern-ledger.example/2026/03/14/marrowby-water-warning-shelved
"$cli" import "$project" "$a/daily-signal.txt" --id daily-signal --outlet "The Daily Signal" \
  --author "Kieran Blythe" --published 2026-03-14T21:10:00+00:00 --language en-GB \
  --url https://daily-signal.example/news/water-boss-marrowby-between-us-8841207
"$cli" import "$project" "$a/valley-courier.txt" --id valley-courier \
  --outlet "The Valley Courier" --author "Maggie Thwaite" \
  --published 2026-03-15T06:00:00+00:00 --language en-GB \
  --url https://valley-courier.example/marrowby/2026/03/15/marrowby-kept-in-the-dark
rm -f "$project~"
