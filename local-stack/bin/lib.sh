# Helpers shared by ./pipeline and local-stack/bin/stack; sourced, not run. The sourcing script
# sets LOG_PREFIX (the word its messages start with: pipeline, stack).

log() { echo "${LOG_PREFIX:-pipeline}: $*"; }
err() { echo "${LOG_PREFIX:-pipeline}: $*" >&2; }
die() { err "$*"; exit 1; }

# HOME...: the first of these Java homes that has bin/java (empty ones skipped), else the home of
# the java on PATH; fails when there is none.
find_java_home() {
  local h
  for h in "$@"; do
    if [ -n "$h" ] && [ -x "$h/bin/java" ]; then echo "$h"; return 0; fi
  done
  if command -v java >/dev/null 2>&1; then
    h=$(readlink -f "$(command -v java)"); echo "$(dirname "$(dirname "$h")")"; return 0
  fi
  return 1
}

# Whether process $1 runs: it exists and is not a zombie (a process killed with -9 whose parent
# has not reaped it yet still answers kill -0, and a container's init may never reap it).
pid_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }   # the state letter follows the command name's closing parenthesis
  [ "${stat:0:1}" != Z ]
}

# Whether something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The HTTP status of a request (curl arguments), 000 when nothing answered.
http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" 2>/dev/null || true; }

# METHOD URL [TOKEN] [SECONDS]: the answer's body, a newline, then its HTTP status (000 when
# nothing answered); the token is sent as a bearer token. Split with ${out%$'\n'*} (the body) and
# ${out##*$'\n'} (the status).
http_call() {
  local args=(-sS -m "${4:-30}" -w '\n%{http_code}' -X "$1" "$2")
  [ -z "${3:-}" ] || args+=(-H "Authorization: Bearer $3")
  curl "${args[@]}" 2>/dev/null || true
}

# FIELD...: reads one JSON object on stdin and prints each field's value on a line of its own, in
# that order, with one python3 start: strings as they are (line breaks as spaces), numbers and
# true/false/null as JSON writes them, a missing field or an answer that is not JSON as null.
# Use: mapfile -t v < <(printf '%s' "$json" | json_fields a b c)
json_fields() {
  python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    d = {}
if not isinstance(d, dict):
    d = {}
for f in sys.argv[1:]:
    v = d.get(f)
    print(" ".join(v.splitlines()) if isinstance(v, str) else json.dumps(v))
' "$@"
}
