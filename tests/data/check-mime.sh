#!/bin/sh
# check-mime.sh: the MIME type definition recognizes Crosscheck projects. For each project
# given, its name matches the type's glob and its root element matches the type's root-XML
# rule; then the definition goes through update-mime-database into a scratch database, and GIO,
# looking up that database, must give each project the type.
# Copyright 2026 The Crosscheck authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
mime_xml=${1:?usage: check-mime.sh MIME_XML PROJECT...}
shift
type=application/x-crosscheck
status=0

fail () { echo "$*"; status=1; }
xpath () { xmllint --xpath "$1" "$2" 2>/dev/null; }

xmllint --noout "$mime_xml" || exit 1
t="//*[local-name()='mime-type'][@type='$type']"
if [ "$(xpath "count($t)" "$mime_xml")" != 1 ]; then
  echo "$mime_xml does not define $type once"
  exit 1
fi
glob=$(xpath "string($t/*[local-name()='glob']/@pattern)" "$mime_xml")
ns=$(xpath "string($t/*[local-name()='root-XML']/@namespaceURI)" "$mime_xml")
root=$(xpath "string($t/*[local-name()='root-XML']/@localName)" "$mime_xml")
[ -n "$glob" ] || fail "$mime_xml has no glob for $type"
if [ -z "$ns" ] || [ -z "$root" ]; then
  fail "$mime_xml has no root-XML rule for $type"
fi

for project in "$@"; do
  name=$(basename "$project")
  # The glob is a shell pattern, so it is left unquoted on purpose.
  # shellcheck disable=SC2254
  case $name in
    $glob) ;;
    *) fail "$name does not match the glob $glob" ;;
  esac
  got_ns=$(xpath 'namespace-uri(/*)' "$project")
  got_root=$(xpath 'local-name(/*)' "$project")
  if [ "$got_ns" != "$ns" ] || [ "$got_root" != "$root" ]; then
    fail "$name has root {$got_ns}$got_root, the root-XML rule wants {$ns}$root"
  fi
done

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$mime_xml" "$tmp/mime/packages/"
# The scratch database sits in XDG_DATA_HOME, where GIO looks first; /usr/share supplies the
# parent types. update-mime-database says nothing unless something is wrong.
export XDG_DATA_HOME="$tmp" XDG_DATA_DIRS=/usr/share
if ! update-mime-database "$tmp/mime" >"$tmp/log" 2>&1 || grep -q . "$tmp/log"; then
  cat "$tmp/log"
  fail "update-mime-database did not take $mime_xml cleanly"
fi
grep -qxF "$ns $root $type" "$tmp/mime/XMLnamespaces" \
  || fail "update-mime-database did not record the root-XML rule"

# GIO matches by name here: it does not read root-XML rules.
for project in "$@"; do
  got=$(gio info -a standard::content-type "$project" | sed -n 's/^ *standard::content-type: //p')
  [ "$got" = "$type" ] || fail "GIO gives $project the type '$got', not $type"
done

[ $status = 0 ] && echo "$mime_xml recognizes $*"
exit $status
