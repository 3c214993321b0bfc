#!/bin/sh
# check-potfiles.sh: every source file with translatable strings is in po/POTFILES.in, and
# every file listed there exists, so no message silently escapes translation.
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
top=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1
status=0

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
for file in $listed; do
  [ -f "$file" ] || { echo "po/POTFILES.in lists $file, which does not exist"; status=1; }
done

if [ "$(printf '%s\n' "$listed")" != "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi

for file in $(grep -rlE '\b(N_|_)\(|g_dngettext|ngettext \(' app --include='*.c'; \
              grep -rl 'translatable="yes"' data --include='*.ui'); do
  printf '%s\n' "$listed" | grep -qx "$file" || { echo "$file has translatable strings but is not in po/POTFILES.in"; status=1; }
done

[ $status = 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
