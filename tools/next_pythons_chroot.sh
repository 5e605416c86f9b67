#!/usr/bin/env bash
# Inside the sid chroot that tools/next_pythons.sh makes: a venv per
# interpreter in $NEXT_PYTHONS with the test extras, then the run-time tests
# (what `nox -s tests` runs on 3.10-3.13). Arguments go to pytest.
#
# The venvs live in /opt/venvs, which next_pythons.sh keeps between runs: a
# run only brings them up to date (the checkout, installed editable, and any
# change of the test extras). A lock keeps a run from changing them while
# another's tests use them.
set -euo pipefail
cd /src

say() { printf 'next-pythons: %s\n' "$*"; }
since() {
    local s=$(($(date +%s) - $1))
    say "$(printf '%-34s %dm%02ds' "$2" $((s / 60)) $((s % 60)))"
}

exec 8>/opt/venvs/.lock
flock -w 1800 8 || { say "timed out waiting for another run's tests" >&2; exit 1; }

# uv makes the venvs and installs in seconds. It is installed with pip, as the
# host configures pip; uv does not read pip's configuration, so the same
# settings are handed to it as its own variables.
start=$(date +%s)
installer=pip
uv=/opt/venvs/uv/bin/uv
if ! [ -x "$uv" ]; then
    rm -rf /opt/venvs/uv
    "python${NEXT_PYTHONS%% *}" -m venv /opt/venvs/uv
    /opt/venvs/uv/bin/pip install -q uv || rm -f "$uv"
fi
if [ -x "$uv" ]; then
    installer=uv
    declare -A conf=()
    config=$(/opt/venvs/uv/bin/pip config list 2>/dev/null || true)
    for section in global install :env:; do  # pip's order: the later wins
        while IFS= read -r line; do
            if [[ $line =~ ^${section}\.([a-z-]+)=\'(.*)\'$ ]]; then
                conf[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
            fi
        done <<<"$config"
    done
    words() { tr -s '[:space:]' ' ' <<<"$1" | sed 's/^ //; s/ $//'; }
    [ -n "${conf[index-url]:-}" ] && export UV_INDEX_URL="${conf[index-url]}"
    [ -n "${conf[extra-index-url]:-}" ] && UV_EXTRA_INDEX_URL=$(words "${conf[extra-index-url]}") \
        && export UV_EXTRA_INDEX_URL
    [ -n "${conf[find-links]:-}" ] && UV_FIND_LINKS=$(words "${conf[find-links]}" | tr ' ' ,) \
        && export UV_FIND_LINKS
    [ -n "${conf[constraint]:-}" ] && UV_CONSTRAINT=$(words "${conf[constraint]}") \
        && export UV_CONSTRAINT
    [ -n "${conf[trusted-host]:-}" ] && UV_INSECURE_HOST=$(words "${conf[trusted-host]}") \
        && export UV_INSECURE_HOST
    [ -n "${conf[cert]:-}" ] && export SSL_CERT_FILE="${conf[cert]}"
    # As pip does: the best version over every index, not the first index's.
    export UV_INDEX_STRATEGY=unsafe-best-match UV_NO_PROGRESS=1
    export UV_LINK_MODE=copy  # the cache is another mount
else
    say "uv could not be installed: the venvs are made with pip"
fi
since "$start" "$installer ready"

for version in $NEXT_PYTHONS; do
    start=$(date +%s)
    venv=/opt/venvs/$version
    if [ "$installer" = uv ]; then
        [ -x "$venv/bin/python" ] || "$uv" venv -q --python "/usr/bin/python$version" "$venv"
        VIRTUAL_ENV=$venv "$uv" pip install -q -e ".[test]"
    else
        [ -x "$venv/bin/pip" ] || { rm -rf "$venv" && "python$version" -m venv "$venv"; }
        "$venv/bin/pip" install -q -e ".[test]"
    fi
    since "$start" "$version: venv and test extras"
done
flock -s 8  # shared while the tests run: another run's installs wait

status=0
for version in $NEXT_PYTHONS; do
    start=$(date +%s)
    venv=/opt/venvs/$version
    "$venv/bin/python" -VV
    # Two workers per core; a test module stays on one worker (as nox's tests).
    "$venv/bin/pytest" -n "$((2 * $(nproc)))" --dist loadfile \
        -m "not typecheck and not package and not load" "$@" || status=1
    since "$start" "$version: tests"
done
exit "$status"
