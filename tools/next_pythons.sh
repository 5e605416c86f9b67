#!/usr/bin/env bash
# The run-time tests on CPython 3.14 and 3.15, which Debian 12 does not have,
# in a minimal Debian sid chroot with Debian's python3.14 and python3.15.
#
#   tools/next_pythons.sh [PYTEST ARGS...]     # as root; `nox -s tests-next` runs it
#
# The chroot is made once with debootstrap (a few minutes) and kept in
# $DIMSE_SID_CACHE (/var/cache/dimse-status-sid); it is made again only when
# the package list below changes, or when DIMSE_SID_REBUILD=1. Each run mounts
# an overlay over it (the cached chroot stays as debootstrap left it, and runs
# at the same time do not meet), copies the checkout in (the files git
# tracks, and new ones it does not ignore), bind-mounts /proc and /dev,
# configures pip as on the host (its configuration files, the local paths
# they name, PIP_* and the CA bundle), then tools/next_pythons_chroot.sh
# brings a venv per interpreter up to date (kept in the cache too) and runs
# pytest in each. The mounts are made in a mount namespace of this run's own,
# and unmounted on every way out (trap). It prints how long each part took.
#
# Where it cannot run (not Linux, not root, no debootstrap) it says so in one
# line, and exits 1 when CI=true, 0 otherwise.
#
#   NEXT_PYTHONS="3.15"   only these interpreters (default: 3.14 3.15)
#   DEBIAN_MIRROR=URL     where debootstrap fetches sid (default: deb.debian.org)
set -euo pipefail

readonly CACHE=${DIMSE_SID_CACHE:-/var/cache/dimse-status-sid}
readonly ROOT=$CACHE/root
readonly MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
readonly INCLUDE=python3.14,python3.14-venv,python3.15,python3.15-venv,ca-certificates,dcmtk,libdcmtk-dev
# What the cached chroot was made with: any change makes it again.
readonly STAMP="debootstrap --variant=minbase --include=$INCLUDE sid (layout 1)"
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO
export NEXT_PYTHONS=${NEXT_PYTHONS:-3.14 3.15}

say() { printf 'next-pythons: %s\n' "$*"; }

cannot_run() {
    say "not run: $* (the tests on 3.14 and 3.15 need root and debootstrap on Linux)" >&2
    case ${CI:-} in true | 1 | yes) exit 1 ;; *) exit 0 ;; esac
}

since() {  # since START LABEL: how long since START (seconds since the epoch)
    local s=$(($(date +%s) - $1))
    say "$(printf '%-34s %dm%02ds' "$2" $((s / 60)) $((s % 60)))"
}

# The part that runs in this run's own mount namespace (see the end of the file).
in_namespace() {
    local run=$1
    shift
    merged=$run/merged  # global: the trap reads it after this function returns
    # shellcheck disable=SC2317  # called by the trap
    unmount() {
        # Innermost first; the namespace ends with this process anyway.
        umount -R "$merged" 2>/dev/null || umount -R -l "$merged" 2>/dev/null || true
    }
    trap unmount EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    mkdir -p "$run/upper" "$run/work" "$merged"
    mount -t overlay overlay \
        -o "lowerdir=$ROOT,upperdir=$run/upper,workdir=$run/work" "$merged"
    mount --bind /proc "$merged/proc"
    mount --rbind /dev "$merged/dev"   # /dev/shm and /dev/pts with it
    # What outlives the run: pip's and uv's caches, and the venvs (made
    # once, brought up to date by each run: see next_pythons_chroot.sh).
    mkdir -p "$CACHE/cache" "$merged/root/.cache" "$CACHE/venvs" "$merged/opt/venvs"
    mount --bind "$CACHE/cache" "$merged/root/.cache"
    mount --bind "$CACHE/venvs" "$merged/opt/venvs"

    # Name resolution and certificates as on the host (an HTTPS proxy's CA
    # included), then pip's configuration and every local path it names.
    local f
    for f in /etc/resolv.conf /etc/hosts /etc/ssl/certs/ca-certificates.crt; do
        [ -f "$f" ] && cp -L "$f" "$merged$f"
    done
    local -a configs=(/etc/pip.conf /etc/xdg/pip/pip.conf)
    local dir
    local -a dirs=()
    IFS=: read -r -a dirs <<<"${XDG_CONFIG_DIRS:-}"
    for dir in "${dirs[@]}"; do [ -n "$dir" ] && configs+=("$dir/pip/pip.conf"); done
    local home=${HOME:-/root}
    local -a user_configs=("$home/.config/pip/pip.conf" "$home/.pip/pip.conf")
    [ -n "${PIP_CONFIG_FILE:-}" ] && configs+=("$PIP_CONFIG_FILE")
    for f in "${configs[@]}"; do
        [ -f "$f" ] && mkdir -p "$merged$(dirname "$f")" && cp -L "$f" "$merged$f"
    done
    local dest
    for f in "${user_configs[@]}"; do  # the same place under the chroot's HOME, /root
        [ -f "$f" ] || continue
        dest=$merged/root/${f#"$home"/}
        mkdir -p "$(dirname "$dest")" && cp -L "$f" "$dest"
    done
    local path
    while read -r path; do
        path=${path#file://}
        path=${path%/}
        # A local index (PEP 503) links to its files beside simple/.
        [ "${path##*/}" = simple ] && path=${path%/simple}
        [ -e "$path" ] || continue
        case $path in /proc* | /dev* | /sys* | /root/.cache*) continue ;; esac
        if [ -d "$path" ]; then  # a wheel directory or a local index: read-only
            mkdir -p "$merged$path"
            mount --bind "$path" "$merged$path"
            mount -o remount,bind,ro "$merged$path"
        else
            mkdir -p "$merged$(dirname "$path")"
            cp -L "$path" "$merged$path"
        fi
    done < <(
        # Absolute paths and file: URLs in pip's configuration and PIP_* variables.
        { cat "${configs[@]}" "${user_configs[@]}" 2>/dev/null || true
          env | grep -E '^(PIP_[A-Z_]+|SSL_CERT_FILE)=' || true
        } | grep -oE "(file://)?/[^[:space:]\"',;]+" | sort -u
    )

    # The checkout: the files git tracks and the new ones it does not ignore,
    # as they are in the work tree.
    mkdir -p "$merged/src"
    if git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$REPO" && git ls-files -z --cached --others --exclude-standard \
            | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
            | sort -zu | tar --null -T - -cf -) | tar -xf - -C "$merged/src"
    else
        tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./.nox -cf - . \
            | tar -xf - -C "$merged/src"
    fi

    # A clean environment: pip's and uv's settings, proxies and CI pass.
    local -a keep=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" NEXT_PYTHONS="$NEXT_PYTHONS")
    local var
    while IFS= read -r var; do
        keep+=("$var=${!var}")
    done < <(compgen -e | grep -E '^(PIP_|UV_|CI$|SSL_CERT_|REQUESTS_CA_BUNDLE$|(https?|no|all)_proxy$|(HTTPS?|NO|ALL)_PROXY$)' || true)
    chroot "$merged" /usr/bin/env -i "${keep[@]}" \
        bash /src/tools/next_pythons_chroot.sh "$@"
}

if [ "${1:-}" = --in-namespace ]; then
    shift
    in_namespace "$@"
    exit
fi

# --- preconditions ------------------------------------------------------------
[ "$(uname -s)" = Linux ] || cannot_run "not Linux"
[ "$(id -u)" = 0 ] || cannot_run "not root"
for tool in chroot unshare flock mount tar; do
    command -v "$tool" >/dev/null || cannot_run "no $tool"
done
if ! command -v debootstrap >/dev/null; then
    if command -v apt-get >/dev/null; then
        say "installing debootstrap"
        { apt-get install -y -qq debootstrap || { apt-get update -qq && apt-get install -y -qq debootstrap; }; } >/dev/null 2>&1 || true
    fi
    command -v debootstrap >/dev/null || cannot_run "no debootstrap (apt-get install debootstrap)"
fi
unshare --mount --propagation private true 2>/dev/null \
    || cannot_run "cannot make a mount namespace (unshare --mount)"

mkdir -p "$CACHE/runs"
# One lock: shared while a run uses the chroot, exclusive while it is made.
exec 9>"$CACHE/lock"

# --- the chroot, made once ------------------------------------------------------
start=$(date +%s)
made=0
stale() { [ "${DIMSE_SID_REBUILD:-}" = 1 ] || [ "$(cat "$ROOT/.dimse-status" 2>/dev/null)" != "$STAMP" ]; }
if stale; then
    flock -w 1800 -x 9 || { say "timed out waiting for another run to finish with the chroot" >&2; exit 1; }
    if stale; then
        say "making the sid chroot in $ROOT (debootstrap, a few minutes)"
        rm -rf "$ROOT.new"
        mkdir -p "$CACHE/debs"
        # debootstrap mounts /proc and /sys in the target: in a namespace of
        # its own, no mount outlives it, however it ends.
        if ! unshare --mount --propagation private -- \
            debootstrap --variant=minbase --include="$INCLUDE" --cache-dir="$CACHE/debs" \
            sid "$ROOT.new" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
            tail -n 20 "$CACHE/debootstrap.log" >&2
            say "debootstrap failed (log: $CACHE/debootstrap.log)" >&2
            exit 1
        fi
        # sid's Release file is valid for a week only; a mirror's copy may be older.
        printf 'Acquire::Check-Valid-Until "false";\n' \
            >"$ROOT.new/etc/apt/apt.conf.d/99dimse-status"
        rm -rf "$ROOT.old" "$CACHE/venvs"  # venvs of the old interpreters
        [ -d "$ROOT" ] && mv "$ROOT" "$ROOT.old"
        printf '%s\n' "$STAMP" >"$ROOT.new/.dimse-status"
        mv "$ROOT.new" "$ROOT"
        rm -rf "$ROOT.old"
        unset DIMSE_SID_REBUILD
        made=1
        since "$start" "sid chroot made"
    fi
fi
flock -w 1800 -s 9 || { say "timed out waiting for the chroot to be made" >&2; exit 1; }
[ "$made" = 1 ] || say "sid chroot cached in $ROOT"

# Runs killed before their trap could run leave a directory (never a mount:
# those die with their namespace).
for old in "$CACHE"/runs/*; do
    [ -d "$old" ] && ! kill -0 "${old##*/}" 2>/dev/null && rm -rf "$old"
done

# --- the run --------------------------------------------------------------------
RUN=$CACHE/runs/$$
# shellcheck disable=SC2317  # called by the trap
cleanup() { rm -rf "$RUN"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$RUN"
start=$(date +%s)
# The run in a process group of its own (job control), waited for: an INT or
# TERM sent to this script reaches every process of it at once, and this
# script exits when it has (its mounts gone with its namespace).
set -m
unshare --mount --propagation private -- "$BASH" "${BASH_SOURCE[0]}" --in-namespace "$RUN" "$@" &
child=$!
set +m
# shellcheck disable=SC2317  # called by the traps
forward() {
    kill "-$1" -- "-$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
    exit "$2"
}
trap 'forward INT 130' INT
trap 'forward TERM 143' TERM
status=0
wait "$child" || status=$?
since "$start" "3.14/3.15 part in all"
exit "$status"
