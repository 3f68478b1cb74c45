#!/usr/bin/env bash
# xmcredit developer entry point.
#   installer/dev.sh run     set up, build, and open the workstation on the demo city
#   installer/dev.sh test    set up, build with warnings as errors, run every test (benchmarks at small scale)
#   installer/dev.sh bench   set up, build, run the benchmarks at city scale (2M subjects, 10M items)
#   installer/dev.sh package set up, build the Debian package (a release build of its own, build/package) and check it
#   installer/dev.sh screenshots  set up, build, and regenerate the guide's screenshots (resources/screenshots)
#   installer/dev.sh build   set up and build only
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${XMCREDIT_BUILD_DIR:-$root/build/dev}
jobs=${XMCREDIT_JOBS:-$(nproc)}

# Debian 12 packages the build, the tests and the demo need. Installed only when missing.
packages=(
    build-essential cmake ninja-build pkg-config git clang-format-14
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6 libqt6sql6-sqlite libqt6opengl6-dev libgl-dev libxkbcommon-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
    libsqlcipher-dev sqlcipher libsodium-dev libssl-dev
    xvfb xauth poppler-utils fonts-noto-cjk fonts-wqy-microhei qt6-qpa-plugins
    libqrencode-dev zbar-tools qt6-pdf-dev dbus-daemon python3
    lintian appstream desktop-file-utils file man-db faketime
)

log() { printf '\033[1m[dev.sh]\033[0m %s\n' "$*" >&2; }

setup() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    log "installing missing packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
    log "configuring in $build_dir"
    cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMCREDIT_WERROR=ON >/dev/null
    log "building with $jobs jobs"
    cmake --build "$build_dir" --parallel "$jobs"
}

demo_dir() {
    echo "${XMCREDIT_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/xmcredit/demo}"
}

run() {
    local dir
    dir=$(demo_dir)
    local admin="$build_dir/app/xmcredit-admin"
    # A demo workstation made by an earlier development version (key vault format 1, without signing keys) cannot
    # be opened any more: it holds demo data only, so it is made again.
    if [ -f "$dir/vault.xmv" ] && grep -q '"demo": true' "$dir/workstation.json" 2>/dev/null &&
        [ "$(od -An -tu1 -j11 -N1 "$dir/vault.xmv" | tr -d ' ')" = "1" ]; then
        log "the demo workstation in $dir is from an earlier format: making it again"
        rm -rf "$dir"
    fi
    local sim="$build_dir/app/xmcredit-platform-sim"
    local platform="$dir-platform"
    local subjects=${XMCREDIT_DEMO_SUBJECTS:-20000}
    local rc=0
    if [ -f "$dir/workstation.json" ] && [ ! -f "$platform/platform.seed" ]; then
        # Made before the reference platform existed: its city was generated in place, not synced. Demo data only.
        log "the demo workstation in $dir predates the reference platform: making it again"
        rm -rf "$dir"
    fi
    if [ ! -f "$dir/workstation.json" ]; then
        log "creating the demo workstation in $dir"
        "$admin" demo-init --workstation "$dir" >/dev/null
        rm -rf "$platform"
    fi
    if [ ! -f "$platform/platform.seed" ]; then
        "$sim" keygen --out "$platform" >/dev/null
    fi
    # The city comes the real way: the reference platform serves it over HTTPS on loopback (its own CA); the
    # workstation enrols once with a single-use code and the platform's CA certificate, then pulls the signed pages.
    local port=${XMCREDIT_PLATFORM_PORT:-47443}
    local code="DEMO-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    log "the reference platform serves its city (${subjects} subjects) on https://127.0.0.1:$port"
    "$sim" serve --key "$platform" --port "$port" --subjects "$subjects" --seed 2021 --code "$code" \
        --publish-every "${XMCREDIT_PUBLISH_EVERY:-300}" >"$platform/serve.json" 2>"$platform/serve.log" &
    sim_pid=$!
    trap 'kill "$sim_pid" 2>/dev/null || true' EXIT
    local url=""
    for _ in $(seq 1 120); do
        url=$(sed -nE 's/.*"url":"([^"]+)".*/\1/p' "$platform/serve.json" 2>/dev/null || true)
        [ -n "$url" ] && break
        kill -0 "$sim_pid" 2>/dev/null || break
        sleep 0.5
    done
    if [ -z "$url" ]; then
        log "the reference platform did not start (see $platform/serve.log); the workstation opens without it"
    else
        if [ ! -f "$platform/enrolled-online" ]; then
            echo admin-demo | "$admin" enrol --workstation "$dir" --user admin --password-stdin \
                --platform "$url" --code "$code" --ca-cert "$platform/ca.pem" >/dev/null ||
                { rc=$?; log "online enrolment failed (exit code $rc)"; exit "$rc"; }
            touch "$platform/enrolled-online"
        fi
        echo admin-demo | "$admin" sync --workstation "$dir" --user admin --password-stdin >/dev/null ||
            { rc=$?; log "the sync failed (exit code $rc)"; exit "$rc"; }
        log "synced the demo city from the reference platform over HTTPS"
    fi
    # Cases in every stage and clock state for the queues and the dashboard (exit 9: there are cases already).
    rc=0
    "$admin" demo-cases --workstation "$dir" --count "${XMCREDIT_DEMO_CASES:-60}" --seed 2021 >/dev/null 2>&1 || rc=$?
    case $rc in
        0) log "made the demo cases" ;;
        9) ;;
        *) log "could not make the demo cases (exit code $rc)"; exit "$rc" ;;
    esac
    "$admin" demo-logins --workstation "$dir"
    # Not exec: the reference platform keeps serving while the workstation is open and stops with it.
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        log "no display: starting the workstation under xvfb-run"
        xvfb-run -a "$build_dir/app/xmcredit" --workstation "$dir" "$@"
    else
        "$build_dir/app/xmcredit" --workstation "$dir" "$@"
    fi
}

run_tests() {
    log "running every test (benchmarks at small scale)"
    export XMCREDIT_BENCH_SCALE=${XMCREDIT_BENCH_SCALE:-small}
    ctest --test-dir "$build_dir" --output-on-failure --timeout 900 -j "$jobs" "$@"
}

run_bench() {
    export XMCREDIT_BENCH_SCALE=city
    # The first sync of the whole city takes longer than QtTest's five minutes per test function.
    export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-14400000}
    ctest --test-dir "$build_dir" -L bench --verbose --timeout 0 "$@"
}

# The guide's screenshots, from the real program offscreen: the GUI tests save what they drive (in Chinese, the
# window's default language) when XMCREDIT_SCREENSHOT_DIR is set.
screenshots() {
    local out="$root/resources/screenshots"
    local scratch
    scratch=$(mktemp -d)
    log "regenerating the screenshots in $out"
    XMCREDIT_SCREENSHOT_DIR="$scratch" XMCREDIT_TEST_LANG=zh_CN QT_QPA_PLATFORM=offscreen \
        QT_LOGGING_RULES="qt.qpa.*=false" ctest --test-dir "$build_dir" -L gui --output-on-failure -j 1
    mkdir -p "$out"
    rm -f "$out"/*.png
    cp "$scratch"/*.png "$out"/
    rm -rf "$scratch"
    log "$(ls "$out"/*.png | wc -l) screenshots in $out"
}

# The Debian package: from a build of its own without the test suite (its test hooks must not ship) and with the
# hardening flags, then checked (contents, lintian, AppStream, desktop entry, the programs run from the unpacked tree).
package_dir=${XMCREDIT_PACKAGE_DIR:-$root/build/package}
package() {
    log "configuring the release build for the package in $package_dir"
    cmake -S "$root" -B "$package_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMCREDIT_WERROR=ON \
        -DXMCREDIT_BUILD_TESTS=OFF >/dev/null
    cmake --build "$package_dir" --parallel "$jobs"
    rm -f "$package_dir"/xmcredit_*.deb
    (cd "$package_dir" && cpack -G DEB >/dev/null)
    local deb
    deb=$(ls "$package_dir"/xmcredit_*.deb)
    log "checking $deb"
    bash "$root/installer/check-package.sh" "$deb"
    log "package: $deb"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run) setup; build; run "$@" ;;
    test) setup; build; run_tests "$@"; package ;;
    package) setup; package ;;
    bench) setup; build; run_bench "$@" ;;
    screenshots) setup; build; screenshots ;;
    build) setup; build ;;
    setup) setup ;;
    *) echo "usage: installer/dev.sh run|test|bench|package|screenshots|build|setup" >&2; exit 2 ;;
esac
