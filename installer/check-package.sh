#!/usr/bin/env bash
# Checks a built xmcredit Debian package: its control data and contents, lintian, the AppStream metadata, the desktop
# entry and the manual pages, then runs the unpacked programs: versions, help, a demo workstation created, checked,
# filled with a small city and a credit report issued and verified. Nothing is installed; everything the programs
# write goes into a temporary directory (HOME and the XDG directories point there), removed at the end.
#
#   installer/check-package.sh build/package/xmcredit_0.1.0_amd64.deb
#
# Needs: dpkg-deb (dpkg), lintian, appstreamcli (appstream), desktop-file-validate (desktop-file-utils), man (man-db),
# ldd (libc-bin), readelf (binutils).
# XMCREDIT_CHECK_ALLOW_TEST_BUILD=1: a package whose programs carry the test hooks (built with XMCREDIT_BUILD_TESTS=ON)
#   is reported instead of refused. XMCREDIT_CHECK_KEEP=1: keep the temporary directory.
set -euo pipefail

app_id=cn.xmcredit.Workstation
programs=(xmcredit xmcredit-admin xmcredit-platform-sim)
icon_sizes=(16 24 32 48 64 128 256)

bold() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
ok() { printf '  ok: %s\n' "$*"; }
note() { printf '  note: %s\n' "$*"; }
die() {
    printf '\n\033[1;31mcheck-package: FAILED: %s\033[0m\n' "$*" >&2
    exit 1
}

[ $# -eq 1 ] || { echo "usage: $0 PACKAGE.deb" >&2; exit 2; }
deb=$(realpath -- "$1")
[ -f "$deb" ] || die "no such file: $1"

for tool in dpkg-deb lintian appstreamcli desktop-file-validate man ldd readelf; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install dpkg lintian appstream desktop-file-utils man-db binutils)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xmcredit-check.XXXXXX")
cleanup() {
    if [ "${XMCREDIT_CHECK_KEEP:-}" = 1 ]; then
        echo "kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# --- Control data ------------------------------------------------------------------------------------------------------
bold "dpkg-deb --info $(basename "$deb")"
dpkg-deb --info "$deb" || die "dpkg-deb cannot read $deb"
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = xmcredit ] || die "Package is '$(field Package)', not xmcredit"
version=$(field Version)
upstream=${version#*:}
upstream=${upstream%-*}
[ -n "$version" ] || die "the package has no Version"
for name in Architecture Maintainer Description Section Priority Depends; do
    [ -n "$(field "$name")" ] || die "the control file has no $name field"
done
depends=$(field Depends)
for dep in libqt6core6 libqt6widgets6 libsodium23 fonts-wqy-microhei; do
    grep -q "\b$dep\b" <<<"$depends" || die "Depends lacks $dep (was dpkg-shlibdeps run? is CPACK_DEBIAN_PACKAGE_DEPENDS set?)"
done
ok "xmcredit $version ($(field Architecture)), depends on Qt 6, libsodium and the report font"

# --- Contents ----------------------------------------------------------------------------------------------------------
bold "dpkg-deb --contents"
listing=$tmp/contents.txt
dpkg-deb --contents "$deb" | tee "$listing"
paths=$tmp/paths.txt
awk '{ sub(/^\.\//, "", $6); print $6 }' "$listing" | sed 's:/$::' >"$paths"
expect=(
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/share/doc/xmcredit/copyright
    usr/share/doc/xmcredit/changelog.gz
)
for p in "${programs[@]}"; do
    expect+=("usr/bin/$p" "usr/share/man/man1/$p.1.gz")
done
for n in "${icon_sizes[@]}"; do
    expect+=("usr/share/icons/hicolor/${n}x${n}/apps/$app_id.png")
done
for p in "${expect[@]}"; do
    grep -qxF "$p" "$paths" || die "the package lacks $p"
done
ok "every program, man page, icon, the desktop entry, the metainfo, copyright and changelog are there"
# The translations are compiled into the programs (:/i18n/xmcredit_zh_CN.qm); they are checked by running them below.
if grep -q '\.qm$' "$paths"; then
    note "translation files in the package: $(grep '\.qm$' "$paths" | tr '\n' ' ')"
else
    ok "no .qm file installed: the catalogue is embedded in the programs (checked below)"
fi
awk '$2 != "root/root" { print }' "$listing" | grep . && die "files above are not owned by root/root"
awk '$1 ~ /^d/ && $1 != "drwxr-xr-x" { print }' "$listing" | grep . && die "directories above are not 0755"
awk '$1 ~ /^-/ && $1 != "-rw-r--r--" && $1 != "-rwxr-xr-x" { print }' "$listing" | grep . &&
    die "files above are neither 0644 nor 0755"
grep -E '^(usr/local|opt|home|root|tmp|work)(/|$)' "$paths" && die "the paths above do not belong in a package"
ok "owners root/root, directories 0755, files 0644 or 0755, everything under /usr"

# --- lintian -----------------------------------------------------------------------------------------------------------
bold "lintian --fail-on error"
lintian_rc=0
lintian --fail-on error --display-info "$deb" >"$tmp/lintian.txt" 2>&1 || lintian_rc=$?
cat "$tmp/lintian.txt"
if [ "$lintian_rc" -ne 0 ]; then
    die "lintian reports errors (exit $lintian_rc)"
fi
for severity in E W I; do
    count=$(grep -c "^$severity: " "$tmp/lintian.txt" || true)
    [ "$count" -eq 0 ] || note "lintian $severity: $count tag(s), see above"
done
ok "lintian: no errors"

# --- Unpacked files ----------------------------------------------------------------------------------------------------
root=$tmp/root
dpkg-deb -x "$deb" "$root"
bin=$root/usr/bin

bold "desktop entry"
desktop=$root/usr/share/applications/$app_id.desktop
desktop-file-validate "$desktop" || die "desktop-file-validate refuses $app_id.desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n1)
[ -x "$bin/${exec_line%% *}" ] || die "Exec=$exec_line is not a program of the package"
[ "$(sed -n 's/^Icon=//p' "$desktop" | head -n1)" = "$app_id" ] || die "Icon= is not $app_id"
ok "valid; Exec=$exec_line is in the package, Icon=$app_id is installed"

bold "AppStream metadata"
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
as_rc=0
appstreamcli validate --no-net "$metainfo" >"$tmp/appstream.txt" 2>&1 || as_rc=$?
cat "$tmp/appstream.txt"
if grep -q '^E: ' "$tmp/appstream.txt"; then
    die "appstreamcli validate reports errors"
elif [ "$as_rc" -ne 0 ]; then
    note "appstreamcli validate exits $as_rc for warnings only"
fi
grep -qF "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
    die "the metainfo does not launch $app_id.desktop"
for p in "${programs[@]}"; do
    grep -qF "<binary>$p</binary>" "$metainfo" || die "the metainfo does not provide the binary $p"
done
grep -qF "<release version=\"$upstream\"" "$metainfo" || die "the metainfo has no <release> for version $upstream"
appstreamcli validate-tree --no-net "$root" >"$tmp/appstream-tree.txt" 2>&1 || true
grep -q '^E: ' "$tmp/appstream-tree.txt" && { cat "$tmp/appstream-tree.txt"; die "appstreamcli validate-tree reports errors"; }
ok "valid; launches the desktop entry, provides the three programs, has release $upstream"

bold "manual pages"
for p in "${programs[@]}"; do
    page=$root/usr/share/man/man1/$p.1.gz
    gzip -t "$page" || die "$p.1.gz is not a valid gzip file"
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || die "man reports for $p(1):"$'\n'"$warnings"
    ok "$p(1) formats without warnings"
done

bold "programs: libraries"
for p in "${programs[@]}"; do
    missing=$(ldd "$bin/$p" | grep 'not found' || true)
    [ -z "$missing" ] || die "$p cannot find libraries:"$'\n'"$missing"
    runpath=$(readelf -d "$bin/$p" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]/\2/p')
    ok "$p finds all its libraries (RUNPATH: ${runpath:-none})"
done

# --- Running the unpacked programs --------------------------------------------------------------------------------------
# A clean environment: nothing of the user's (HOME, XDG directories, D-Bus session, display, language) leaks in.
home=$tmp/home
mkdir -p "$home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/state"
mkdir -m 700 "$tmp/run"
run() {
    env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 XMCREDIT_LANG=en QT_QPA_PLATFORM=offscreen \
        XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
        XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run" "$@"
}
# run_as USER PASSWORD ARGS...: an admin command that logs in, password on standard input.
ws=$tmp/workstation
run_as() {
    local user=$1 password=$2
    shift 2
    printf '%s\n' "$password" |
        run "$bin/xmcredit-admin" "$@" --workstation "$ws" --user "$user" --password-stdin --json
}

bold "programs: versions and help"
out=$(run "$bin/xmcredit-admin" --version) || die "xmcredit-admin --version failed"
[ "$out" = "xmcredit-admin $upstream" ] || die "xmcredit-admin --version says '$out', not 'xmcredit-admin $upstream'"
ok "$out"
out=$(run "$bin/xmcredit-platform-sim" --version) || die "xmcredit-platform-sim --version failed"
[ "$out" = "xmcredit-platform-sim $upstream" ] || die "xmcredit-platform-sim --version says '$out'"
ok "$out"
out=$(run "$bin/xmcredit" --version 2>/dev/null) || die "xmcredit --version failed (QT_QPA_PLATFORM=offscreen)"
[ "$out" = "xmcredit $upstream" ] || die "xmcredit --version says '$out'"
ok "$out"
help=$(run "$bin/xmcredit-admin" --help) || die "xmcredit-admin --help failed"
for command in init staff check audit enrol sync report case demo-init demo-logins; do
    grep -qE "^  $command " <<<"$help" || die "xmcredit-admin --help does not list '$command'"
done
ok "xmcredit-admin --help lists the commands"
help=$(run "$bin/xmcredit-platform-sim" --help) || die "xmcredit-platform-sim --help failed"
for command in keygen package serve; do
    grep -q "$command" <<<"$help" || die "xmcredit-platform-sim --help does not describe '$command'"
done
ok "xmcredit-platform-sim --help describes keygen, package and serve"
run "$bin/xmcredit" --help >/dev/null 2>&1 || die "xmcredit --help failed"
ok "xmcredit --help"

bold "programs: the embedded Chinese catalogue"
out=$(run env XMCREDIT_LANG=zh_CN "$bin/xmcredit-admin" --help) || die "xmcredit-admin --help in Chinese failed"
grep -q '命令' <<<"$out" || die "xmcredit-admin --help is not translated into Chinese (catalogue missing?)"
out=$(run "$bin/xmcredit" --lang zh_CN --help 2>/dev/null) || die "xmcredit --lang zh_CN --help failed"
grep -q '工作站' <<<"$out" || die "xmcredit --help is not translated into Chinese (catalogue missing?)"
ok "both programs speak Chinese"

bold "programs: the window starts (offscreen) and says when there is no workstation"
rc=0
run "$bin/xmcredit" --workstation "$tmp/none" >"$tmp/gui.out" 2>"$tmp/gui.err" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/gui.err"; die "xmcredit on an empty directory exits $rc, not 1"; }
grep -q "There is no workstation in $tmp/none" "$tmp/gui.err" || { cat "$tmp/gui.err"; die "xmcredit did not explain"; }
ok "xmcredit exits 1 and names the missing workstation"

bold "programs: a demo workstation"
# XMCREDIT_KDF_FAST=1 is honoured only by a build with the test hooks, which then warns: a package must not have them.
run env XMCREDIT_KDF_FAST=1 "$bin/xmcredit-admin" demo-init --workstation "$ws" --json >"$tmp/init.out" 2>"$tmp/init.err" ||
    { cat "$tmp/init.err"; die "xmcredit-admin demo-init failed"; }
if grep -q XMCREDIT_KDF_FAST "$tmp/init.err"; then
    if [ "${XMCREDIT_CHECK_ALLOW_TEST_BUILD:-}" = 1 ]; then
        note "the programs carry the test hooks (XMCREDIT_KDF_FAST): not a package to ship"
    else
        die "the programs carry the test hooks (XMCREDIT_KDF_FAST works): build the package with -DXMCREDIT_BUILD_TESTS=OFF"
    fi
else
    ok "no test hooks: XMCREDIT_KDF_FAST is ignored"
fi
grep -q '"ok":true' "$tmp/init.out" || die "demo-init did not answer ok: $(cat "$tmp/init.out")"
for f in credit.db vault.xmv workstation.json; do
    [ -f "$ws/$f" ] || die "demo-init did not make $f"
done
for f in credit.db vault.xmv; do
    [ "$(stat -c %a "$ws/$f")" = 600 ] || die "$f is not owner-only (0600)"
done
ok "demo-init made the workstation (database and key vault owner-only)"
logins=$(run "$bin/xmcredit-admin" demo-logins --workstation "$ws" --json) || die "demo-logins failed"
for user in admin clerk reviewer supervisor auditor; do
    grep -q "\"username\":\"$user\"" <<<"$logins" || die "demo-logins does not list $user"
done
ok "demo-logins lists the five demo staff"

out=$(run_as admin admin-demo check) || die "check as admin failed (exit $?): $out"
grep -q '"ok":true' <<<"$out" || die "check does not hold: $out"
ok "check as admin: everything holds"
rc=0
run_as admin wrong-password check >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 4 ] || die "a wrong password exits $rc, not 4"
ok "a wrong password is refused (exit 4)"

out=$(run_as admin admin-demo demo-city --subjects 20 --seed 7) || die "demo-city failed: $out"
ok "demo-city: 20 subjects"
report=$(run_as clerk clerk-demo report issue --subject 1 --basis agency --agency "Xiamen Finance Bureau" \
    --agency-document XCC-CHECK-1 --purpose procurement_funding_land_research --pdf "$tmp/report.pdf") ||
    die "report issue failed: $report"
[ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] || die "report issue did not write a PDF"
number=$(sed -n 's/.*"number":"\([^"]*\)".*/\1/p' <<<"$report")
code=$(sed -n 's/.*"code":"\([^"]*\)".*/\1/p' <<<"$report")
if [ -z "$number" ] || [ -z "$code" ]; then
    die "report issue did not print a number and a code: $report"
fi
ok "report $number issued as PDF (offscreen rendering, fonts)"
out=$(run_as auditor auditor-demo report verify "$number" "$code") || die "report verify failed: $out"
ok "report $number verifies as genuine"
out=$(run_as auditor auditor-demo audit verify) || die "audit verify failed: $out"
out=$(run_as auditor auditor-demo check) || die "check as auditor after the work failed: $out"
grep -q '"ok":true' <<<"$out" || die "check does not hold after the work: $out"
ok "audit verify and check hold after the work"

bold "programs: the window opens the workstation"
# Offscreen, the window shows its login dialog and waits for someone to log in: still running after 5 seconds is the
# expected outcome (timeout's exit code 124); an exit before that is a failure to open.
rc=0
run timeout 5 "$bin/xmcredit" --workstation "$ws" >"$tmp/gui-open.out" 2>"$tmp/gui-open.err" || rc=$?
[ "$rc" -eq 124 ] || { cat "$tmp/gui-open.err"; die "xmcredit --workstation exited $rc before anyone could log in"; }
ok "xmcredit opened the workstation and waits at its login"

bold "all checks passed: $(basename "$deb")"
