#!/usr/bin/env bash
# Start / stop / check a real Docker engine and a local registry for the
# end-to-end tests (Debian 12, root, no systemd, no Docker Hub).
#
#   bash scripts/test-engine.sh start    # idempotent; fast when already up
#   bash scripts/test-engine.sh status   # exit 0 only if all three parts are up
#   bash scripts/test-engine.sh stop     # stops what this script started
#
# Environment:
#   POD_INGESTION_ENGINE_DIR      state dir (pid files, logs, registry data)
#                                 default /tmp/pod-ingestion-engine
#   POD_INGESTION_REGISTRY_ADDR   registry listen address, default 127.0.0.1:5000
#   POD_INGESTION_BASE_IMAGE      base image tag to provide, default python:3.11-slim
#   POD_INGESTION_DEBIAN_MIRROR   mirror for mmdebstrap, default http://deb.debian.org/debian
#   CI=true                       on failure also print the tails of the daemon logs
#
# See docs/test-engine.md.
set -Eeuo pipefail

STATE_DIR="${POD_INGESTION_ENGINE_DIR:-/tmp/pod-ingestion-engine}"
REGISTRY_ADDR="${POD_INGESTION_REGISTRY_ADDR:-127.0.0.1:5000}"
REGISTRY_URL="http://${REGISTRY_ADDR}"
BASE_IMAGE="${POD_INGESTION_BASE_IMAGE:-python:3.11-slim}"
ROOTFS_IMAGE="pod-ingestion/bookworm-python-rootfs:latest"
DEBIAN_MIRROR="${POD_INGESTION_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
APT_PACKAGES=(docker.io docker-registry mmdebstrap)
ROOTFS_INCLUDE="python3,python3-pip,adduser,python3-requests"

DOCKERD_PID_FILE="${STATE_DIR}/dockerd.pid"
DOCKERD_LOG="${STATE_DIR}/dockerd.log"
REGISTRY_PID_FILE="${STATE_DIR}/registry.pid"
REGISTRY_LOG="${STATE_DIR}/registry.log"
REGISTRY_CONFIG="${STATE_DIR}/registry-config.yml"
REGISTRY_DATA="${STATE_DIR}/registry-data"

DOCKERD_WAIT_SECONDS=30
REGISTRY_WAIT_SECONDS=20

log() { printf 'test-engine: %s\n' "$*" >&2; }

die() {
  printf 'test-engine: ERROR: %s\n' "$*" >&2
  exit 1
}

# Unexpected failure (set -e): say where, and under CI show the daemon logs.
on_err() {
  local rc=$? line=$1 cmd=$2 f
  trap - ERR
  printf 'test-engine: ERROR: command failed (exit %s) at line %s: %s\n' "$rc" "$line" "$cmd" >&2
  if [[ "${CI:-}" == "true" ]]; then
    for f in "$DOCKERD_LOG" "$REGISTRY_LOG"; do
      if [[ -s "$f" ]]; then
        printf 'test-engine: ---- last lines of %s ----\n' "$f" >&2
        tail -n 10 "$f" >&2 || true
      fi
    done
  fi
  exit 1
}
trap 'on_err "$LINENO" "$BASH_COMMAND"' ERR

have() { command -v "$1" >/dev/null 2>&1; }

# --- HTTP GET helpers (curl, else python3, else bash /dev/tcp) -------------

# Prints the HTTP status code and headers of GET $1 (plain http only).
# Output: first line "<code>", then header lines. Returns non-zero if nothing answers.
http_probe() {
  local url=$1
  if have curl; then
    local out
    out=$(curl -sS -o /dev/null -D - --max-time 3 "$url" 2>/dev/null) || return 1
    [[ -n "$out" ]] || return 1
    printf '%s\n' "$out" | awk 'NR==1 {print $2; next} {print}' | tr -d '\r'
    return 0
  fi
  if have python3; then
    python3 - "$url" <<'PY' 2>/dev/null
import sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(sys.argv[1], timeout=3)
    code, headers = r.status, r.headers
except urllib.error.HTTPError as e:
    code, headers = e.code, e.headers
print(code)
for k, v in headers.items():
    print(f"{k}: {v}")
PY
    return
  fi
  # bash /dev/tcp fallback
  local hostport=${url#http://}
  hostport=${hostport%%/*}
  local path="/${url#http://*/}"
  local host=${hostport%:*} port=${hostport##*:}
  local reply
  # shellcheck disable=SC2016  # $1.. expand in the inner bash, on purpose
  reply=$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$3" "$1" >&3
    cat <&3' _ "$host" "$port" "$path" 2>/dev/null) || return 1
  [[ -n "$reply" ]] || return 1
  printf '%s\n' "$reply" | tr -d '\r' | awk 'NR==1 {print $2; next} /^$/ {exit} {print}'
}

# 0 = a docker registry answers on $REGISTRY_ADDR without auth,
# 1 = nothing answers, 2 = something answers but is not a usable registry.
registry_state() {
  local probe code
  probe=$(http_probe "${REGISTRY_URL}/v2/") || return 1
  code=$(printf '%s\n' "$probe" | head -n 1)
  if [[ "$code" == "200" ]] && printf '%s\n' "$probe" | grep -qi '^docker-distribution-api-version: *registry/2'; then
    return 0
  fi
  REGISTRY_PROBLEM="HTTP ${code} from ${REGISTRY_URL}/v2/"
  if [[ "$code" == "401" ]]; then
    REGISTRY_PROBLEM+=" (a registry that wants auth, e.g. Debian's default /etc/docker/registry config; stop it: this script runs its own)"
  fi
  return 2
}

# --- generic helpers --------------------------------------------------------

# Alive and not a zombie (PID 1 on these machines reaps orphans lazily, and a
# zombie still passes `kill -0`).
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local stat
  stat=$(<"/proc/$1/stat") 2>/dev/null || return 1
  stat=${stat##*) }
  [[ "${stat:0:1}" != "Z" ]]
}

# pid from pid file $1 if it is alive and its command line contains $2.
live_pid_from_file() {
  local file=$1 pattern=$2 pid
  [[ -s "$file" ]] || return 1
  pid=$(<"$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
  printf '%s\n' "$pid"
}

docker_ok() { docker info >/dev/null 2>&1; }

wait_for() {
  # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  while ! "$@"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.25
  done
  log "$what"
}

# --- start steps --------------------------------------------------------------

ensure_packages() {
  if have dockerd && have docker-registry && have mmdebstrap; then
    return 0
  fi
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  # Binaries missing while packages claim to be installed: reinstall all three.
  if ((${#missing[@]} == 0)); then
    missing=("${APT_PACKAGES[@]}")
  fi
  have apt-get || die "apt-get not found: install ${missing[*]} by hand"
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3)
  if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
    log "apt lists lack these packages: apt-get update"
    "${apt[@]}" update -qq || die "apt-get update failed"
  fi
  if ! "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >"${STATE_DIR}/apt.log" 2>&1; then
    log "apt-get install failed; retrying once after apt-get update"
    "${apt[@]}" update -qq || die "apt-get update failed"
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >"${STATE_DIR}/apt.log" 2>&1 ||
      { tail -n 20 "${STATE_DIR}/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: ${STATE_DIR}/apt.log)"; }
  fi
  for p in dockerd docker-registry mmdebstrap; do
    have "$p" || die "'$p' still not on PATH after installing ${missing[*]}"
  done
}

ensure_dockerd() {
  if docker_ok; then
    return 0
  fi
  if [[ -n "${DOCKER_HOST:-}" && "${DOCKER_HOST}" != "unix:///var/run/docker.sock" ]]; then
    die "DOCKER_HOST=${DOCKER_HOST} does not answer 'docker info'; this script only starts a local dockerd on /var/run/docker.sock"
  fi
  local pid
  if pid=$(live_pid_from_file "$DOCKERD_PID_FILE" dockerd) || pid=$(live_pid_from_file /var/run/docker.pid dockerd); then
    log "dockerd (pid ${pid}) is running but not answering yet; waiting"
  else
    # A stale /var/run/docker.pid makes dockerd refuse to start, and a stale
    # containerd.pid whose pid still exists (e.g. as a zombie after a kill -9)
    # makes it wait for that containerd: "timeout waiting for containerd to start".
    rm -f /var/run/docker.pid
    if ! live_pid_from_file /var/run/docker/containerd/containerd.pid containerd >/dev/null; then
      rm -f /var/run/docker/containerd/containerd.pid
    fi
    log "starting dockerd (log: ${DOCKERD_LOG})"
    setsid dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    printf '%s\n' "$pid" >"$DOCKERD_PID_FILE"
  fi
  if ! wait_for "$DOCKERD_WAIT_SECONDS" "dockerd (pid ${pid}) is up" docker_ok; then
    tail -n 20 "$DOCKERD_LOG" >&2 || true
    die "dockerd did not answer 'docker info' within ${DOCKERD_WAIT_SECONDS}s (log: ${DOCKERD_LOG})"
  fi
}

write_registry_config() {
  mkdir -p "$REGISTRY_DATA"
  cat >"$REGISTRY_CONFIG" <<EOF
# Written by scripts/test-engine.sh: local test registry, no auth.
version: 0.1
log:
  level: info
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: ${REGISTRY_DATA}
  delete:
    enabled: true
  # No in-memory blob descriptor cache: after a garbage-collect it would make
  # the registry claim deleted layers still exist.
http:
  addr: ${REGISTRY_ADDR}
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
EOF
}

registry_up() { registry_state; }
registry_gone() { ! registry_state; }

# Debian's docker-registry service (htpasswd auth, listens on :5000) is started
# by apt only where invoke-rc.d is allowed to; stop it if it holds our port.
stop_debian_registry_service() {
  local pid
  pid=$(live_pid_from_file /var/run/docker-registry.pid /etc/docker/registry/config.yml) || return 1
  log "Debian's docker-registry service (pid ${pid}, /etc/docker/registry/config.yml, htpasswd auth) answers on ${REGISTRY_ADDR}; stopping it"
  if [[ -x /etc/init.d/docker-registry ]]; then
    /etc/init.d/docker-registry stop >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  wait_for 10 "port ${REGISTRY_ADDR} is free again" registry_gone
}

ensure_registry() {
  local rc=0
  REGISTRY_PROBLEM=""
  registry_state || rc=$?
  if ((rc == 0)); then
    return 0
  fi
  if ((rc == 2)) && stop_debian_registry_service; then
    rc=1
  fi
  if ((rc == 2)); then
    die "port ${REGISTRY_ADDR} is taken by something that is not a usable registry: ${REGISTRY_PROBLEM}"
  fi
  local pid
  if pid=$(live_pid_from_file "$REGISTRY_PID_FILE" docker-registry); then
    log "docker-registry (pid ${pid}) is running but not answering yet; waiting"
  else
    write_registry_config
    log "starting docker-registry on ${REGISTRY_ADDR} (log: ${REGISTRY_LOG})"
    setsid docker-registry serve "$REGISTRY_CONFIG" >>"$REGISTRY_LOG" 2>&1 </dev/null 9>&- &
    pid=$!
    printf '%s\n' "$pid" >"$REGISTRY_PID_FILE"
  fi
  if ! wait_for "$REGISTRY_WAIT_SECONDS" "registry ${REGISTRY_URL} (pid ${pid}) is up" registry_up; then
    tail -n 20 "$REGISTRY_LOG" >&2 || true
    die "registry did not answer ${REGISTRY_URL}/v2/ within ${REGISTRY_WAIT_SECONDS}s ${REGISTRY_PROBLEM:+(${REGISTRY_PROBLEM}) }(log: ${REGISTRY_LOG})"
  fi
}

base_image_present() { docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; }

# The 20.10 client from docker.io builds with the classic builder without the
# deprecation banner the 28.x client in /usr/local/bin prints.
classic_build() {
  local client=docker
  [[ -x /usr/bin/docker ]] && client=/usr/bin/docker
  DOCKER_BUILDKIT=0 "$client" build "$@"
}

verify_base_image() {
  local out
  log "verifying ${BASE_IMAGE} (offline: --network none)"
  out=$(docker run --rm --network none "$BASE_IMAGE" sh -ec '
    python -c "import sys, requests; print(\"python\", sys.version.split()[0], \"requests\", requests.__version__)"
    pip --version
    pip install --no-cache-dir requests 2>&1
    adduser -u 5678 --disabled-password --gecos "" appuser >/dev/null
    id appuser
  ' 2>&1) || { printf '%s\n' "$out" >&2; die "${BASE_IMAGE} failed its self-check"; }
  printf '%s\n' "$out" | sed 's/^/test-engine:   /' >&2
  printf '%s\n' "$out" | grep -q 'Requirement already satisfied: requests' ||
    die "${BASE_IMAGE}: 'pip install requests' did not report 'Requirement already satisfied'"
}

ensure_base_image() {
  if base_image_present; then
    return 0
  fi
  local work="${STATE_DIR}/base-image"
  rm -rf "$work"
  mkdir -p "$work"
  if ! docker image inspect "$ROOTFS_IMAGE" >/dev/null 2>&1; then
    log "building a Debian bookworm rootfs with mmdebstrap (${ROOTFS_INCLUDE}); takes about a minute"
    if ! mmdebstrap --quiet --variant=minbase --include="$ROOTFS_INCLUDE" \
      bookworm "${work}/rootfs.tar" "$DEBIAN_MIRROR" >"${work}/mmdebstrap.log" 2>&1; then
      tail -n 30 "${work}/mmdebstrap.log" >&2 || true
      die "mmdebstrap failed: is the Debian mirror ${DEBIAN_MIRROR} reachable? (log: ${work}/mmdebstrap.log)"
    fi
    log "importing rootfs as ${ROOTFS_IMAGE}"
    docker import "${work}/rootfs.tar" "$ROOTFS_IMAGE" >/dev/null ||
      die "docker import of ${work}/rootfs.tar failed"
    rm -f "${work}/rootfs.tar"
  fi
  cat >"${work}/Dockerfile" <<EOF
FROM ${ROOTFS_IMAGE}
RUN set -e; rm -f /usr/lib/python3*/EXTERNALLY-MANAGED; \\
    ln -sf /usr/bin/python3 /usr/local/bin/python; \\
    if [ ! -e /usr/bin/pip ]; then ln -sf /usr/bin/pip3 /usr/local/bin/pip; fi
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    LANG=C.UTF-8
LABEL org.pod-ingestion.base="mmdebstrap bookworm minbase + ${ROOTFS_INCLUDE}; made by scripts/test-engine.sh"
CMD ["python3"]
EOF
  log "building ${BASE_IMAGE} from ${ROOTFS_IMAGE} (classic builder, no pull)"
  if ! classic_build -q -t "$BASE_IMAGE" "$work" >"${work}/build.log" 2>&1; then
    cat "${work}/build.log" >&2
    die "docker build of ${BASE_IMAGE} failed"
  fi
  verify_base_image
}

summary() {
  local server client image_id size
  server=$(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')
  client=$(docker version --format '{{.Client.Version}}' 2>/dev/null || echo '?')
  image_id=$(docker image inspect --format '{{.Id}}' "$BASE_IMAGE")
  size=$(docker image inspect --format '{{.Size}}' "$BASE_IMAGE")
  printf 'test-engine: ready: docker engine %s (client %s), registry %s, base %s %.19s (%d MB)\n' \
    "$server" "$client" "$REGISTRY_URL" "$BASE_IMAGE" "$image_id" "$((size / 1000000))"
}

cmd_start() {
  mkdir -p "$STATE_DIR"
  # Two concurrent `start`s (e.g. parallel CI jobs) must not race.
  exec 9>"${STATE_DIR}/lock"
  flock -w 600 9 || die "could not lock ${STATE_DIR}/lock within 600s"
  ensure_packages
  ensure_dockerd
  ensure_registry
  ensure_base_image
  summary
}

# --- stop ---------------------------------------------------------------------

stop_pid_file() {
  local file=$1 pattern=$2 name=$3 pid
  if ! pid=$(live_pid_from_file "$file" "$pattern"); then
    [[ -e "$file" ]] && log "${name}: not running (removing stale ${file})"
    rm -f "$file"
    return 0
  fi
  log "stopping ${name} (pid ${pid})"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.25
  done
  if pid_alive "$pid"; then
    log "${name} did not exit within 30s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

cmd_stop() {
  mkdir -p "$STATE_DIR"
  exec 9>"${STATE_DIR}/lock"
  flock -w 600 9 || die "could not lock ${STATE_DIR}/lock within 600s"
  stop_pid_file "$REGISTRY_PID_FILE" docker-registry "docker-registry"
  stop_pid_file "$DOCKERD_PID_FILE" dockerd "dockerd"
  log "stopped (the base image ${BASE_IMAGE} stays cached in the docker data root)"
}

# --- status -------------------------------------------------------------------

cmd_status() {
  local missing=()
  if docker_ok; then
    log "docker: ok ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
  else
    missing+=("docker engine (docker info fails)")
  fi
  local rc=0
  REGISTRY_PROBLEM=""
  registry_state || rc=$?
  case $rc in
    0) log "registry: ok (${REGISTRY_URL})" ;;
    1) missing+=("registry (nothing answers ${REGISTRY_URL}/v2/)") ;;
    *) missing+=("registry (${REGISTRY_PROBLEM})") ;;
  esac
  if ! docker_ok; then
    missing+=("base image ${BASE_IMAGE} (cannot tell while the engine is down)")
  elif base_image_present; then
    log "base image: ok (${BASE_IMAGE})"
  else
    missing+=("base image ${BASE_IMAGE}")
  fi
  if ((${#missing[@]} > 0)); then
    local m
    for m in "${missing[@]}"; do
      log "missing: ${m}"
    done
    log "run: bash scripts/test-engine.sh start"
    exit 1
  fi
  log "all up"
}

usage() {
  printf 'usage: %s start|stop|status\n' "${0##*/}" >&2
}

main() {
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    -h | --help | help) usage ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
