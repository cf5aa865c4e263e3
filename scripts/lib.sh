# Shared setup steps for build.sh, test.sh and update-lock.sh (sourced, not run).

# uv lives in its own small venv; it never downloads a Python, it uses the machine's python3.
UV=.cache/uv-tool/bin/uv
export UV_PYTHON_DOWNLOADS=never

run_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  # Install Debian packages the project needs.
  command -v apt-get >/dev/null || { echo "setup: please install these packages: $*" >&2; return 1; }
  run_as_root apt-get update -qq
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

setup_uv() {
  # Install the pinned uv (scripts/uv-requirements.txt) if it is missing or another version.
  local wanted
  wanted="$(sed -n 's/^uv==\([^ ]*\).*/\1/p' scripts/uv-requirements.txt)"
  if [ -x "$UV" ] && [ "$("$UV" --version | cut -d' ' -f2)" = "$wanted" ]; then return; fi
  rm -rf .cache/uv-tool
  if ! python3 -m venv .cache/uv-tool 2>/dev/null; then
    rm -rf .cache/uv-tool
    apt_install python3-venv
    python3 -m venv .cache/uv-tool
  fi
  .cache/uv-tool/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
    --require-hashes -r scripts/uv-requirements.txt
}

setup_venv() {
  # Install exactly what uv.lock says into .venv; $1 = "dev" adds the tests and checks.
  setup_uv
  local groups=(--no-dev)
  [ "${1:-}" = dev ] && groups=()
  # Bytecode is compiled once per lock and set of groups: without it, a machine that does not write
  # bytecode (PYTHONDONTWRITEBYTECODE) compiles every imported module again in every build.
  local stamp=.venv/.bytecode-of want
  want="$(sha256sum uv.lock | cut -d' ' -f1) ${groups[*]}"
  [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] || groups+=(--compile-bytecode)
  "$UV" sync --locked --quiet --python "$(command -v python3)" "${groups[@]}"
  echo "$want" >"$stamp"
  .venv/bin/python -m compileall -q src >/dev/null  # the project itself, installed as its source
}
