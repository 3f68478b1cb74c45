#!/usr/bin/env bash
# Fails when a translatable string in the sources is missing from translations/xmcredit_zh_CN.ts
# or is unfinished there. Runs lupdate into a scratch copy, so the checked-in file is untouched.
set -euo pipefail
root=$1
lupdate=${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$root/translations/xmcredit_zh_CN.ts" "$scratch/xmcredit_zh_CN.ts"
"$lupdate" -silent -locations none -no-obsolete "$root/app" "$root/ui" "$root/models" -ts "$scratch/xmcredit_zh_CN.ts" >/dev/null
unfinished=$(grep -c 'type="unfinished"' "$scratch/xmcredit_zh_CN.ts" || true)
total=$(grep -c '<message' "$scratch/xmcredit_zh_CN.ts" || true)
if [ "$unfinished" -gt 0 ]; then
    echo "translations: $unfinished of $total strings have no finished zh_CN translation:"
    grep -B3 'type="unfinished"' "$scratch/xmcredit_zh_CN.ts" | grep '<source>' | head -50
    exit 1
fi
echo "translations: all $total strings translated"
