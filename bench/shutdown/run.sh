#!/usr/bin/env bash
# Graceful shutdown: a request half-sent when the node is told to stop (SIGTERM, as a deploy does) is still
# answered, and new connections are refused meanwhile. Runs the demo jar (embedded PostgreSQL) on a free port.
# One command: bash bench/shutdown/run.sh   (builds the jar first if it is missing or stale)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib.sh"
build_jar_if_stale
WORK="$(mktemp -d)"; PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
MICRONAUT_SERVER_PORT=$PORT java -Dconsult.data-dir="$WORK/.consult" -jar "$ROOT/web-ui/target/consult.jar" > "$WORK/app.log" 2>&1 &
PID=$!
for _ in $(seq 1 90); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 1; done
python3 "$ROOT/bench/shutdown/HalfSent.py" "$PORT" "$PID"
for i in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
echo "the node stopped about ${i} s after the request was answered (log: $WORK/app.log)"
