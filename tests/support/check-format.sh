#!/usr/bin/env bash
# Fails when any C++ file of the project is not formatted as .clang-format says.
set -euo pipefail
clang_format=$1
root=$2
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' 2>/dev/null || find app ui models tests -name '*.cpp' -o -name '*.h')
[ ${#files[@]} -gt 0 ] || exit 0
"$clang_format" --dry-run -Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
