#!/usr/bin/env bash
# xmcredit developer entry point.
#   installer/dev.sh run     set up, build, and open the workstation on the demo city
#   installer/dev.sh test    set up, build with warnings as errors, run every test (benchmarks at small scale)
#   installer/dev.sh bench   set up, build, run the benchmarks at city scale (2M subjects, 10M items)
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
    libqrencode-dev zbar-tools qt6-pdf-dev
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
    local rc=0
    if [ ! -f "$dir/workstation.json" ]; then
        log "creating the demo workstation in $dir"
        "$admin" demo-init --workstation "$dir" >/dev/null
        # The city comes the real way: the reference platform makes its key and a signed exchange package of its
        # generated city; the workstation pins the key (enrol) and imports the package (sync).
        rm -rf "$platform"
        local key
        key=$("$sim" keygen --out "$platform" | sed -E 's/.*"publicKey":"([0-9a-f]+)".*/\1/')
        echo admin-demo | "$admin" enrol --workstation "$dir" --user admin --password-stdin \
            --platform-key "$key" >/dev/null
        log "the reference platform publishes its city (${XMCREDIT_DEMO_SUBJECTS:-20000} subjects)"
        "$sim" package --key "$platform" --out "$platform/city.pkg" \
            --subjects "${XMCREDIT_DEMO_SUBJECTS:-20000}" --seed 2021 >/dev/null
    fi
    if [ -f "$platform/city.pkg" ]; then
        # Applied whole or not at all; pages applied before are skipped, so this is also a no-op on later runs.
        echo admin-demo | "$admin" sync --workstation "$dir" --user admin --password-stdin \
            --package "$platform/city.pkg" >/dev/null || { rc=$?; log "the exchange package was not applied (exit code $rc)"; exit "$rc"; }
        log "synced the demo city from the reference platform's package"
    else
        # A demo workstation made before the platform existed: its city was generated in place (exit 9: there).
        echo admin-demo | "$admin" demo-city --workstation "$dir" --user admin --password-stdin \
            --subjects "${XMCREDIT_DEMO_SUBJECTS:-20000}" --seed 2021 >/dev/null 2>&1 || rc=$?
        case $rc in
            0) log "generated the demo city (${XMCREDIT_DEMO_SUBJECTS:-20000} subjects)" ;;
            9) ;;
            *) log "could not generate the demo city (exit code $rc)"; exit "$rc" ;;
        esac
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
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        log "no display: starting the workstation under xvfb-run"
        exec xvfb-run -a "$build_dir/app/xmcredit" --workstation "$dir" "$@"
    fi
    exec "$build_dir/app/xmcredit" --workstation "$dir" "$@"
}

run_tests() {
    log "running every test (benchmarks at small scale)"
    export XMCREDIT_BENCH_SCALE=${XMCREDIT_BENCH_SCALE:-small}
    ctest --test-dir "$build_dir" --output-on-failure --timeout 900 -j "$jobs" "$@"
}

run_bench() {
    export XMCREDIT_BENCH_SCALE=city
    ctest --test-dir "$build_dir" -L bench --verbose --timeout 0 "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    run) setup; build; run "$@" ;;
    test) setup; build; run_tests "$@" ;;
    bench) setup; build; run_bench "$@" ;;
    build) setup; build ;;
    setup) setup ;;
    *) echo "usage: installer/dev.sh run|test|bench|build|setup" >&2; exit 2 ;;
esac
