#!/usr/bin/env bash
# What queueing the answers for their embeddings costs PostgreSQL when redacted answers are written together, and
# whether a statement-level trigger (V039) queues them cheaper than the row trigger it replaced (V034). On PostgreSQL
# alone, a cluster of its own: schema.sql holds redacted_answer and answer_embedding as the migrations define them
# (without redacted_answer's reference to submission, so no submission rows are needed) and the two triggers'
# functions as the migrations wrote them. pgbench writes N redacted answers (two answers each) in one INSERT, as the
# intake's writer does (one at rest, up to 32 at a peak), for each N in SIZES ("1 8 20"), ROUNDS times (2) for T
# seconds (10) each with CLIENTS (4), with
#   row        the row trigger: the queue's INSERT run once for every redacted answer
#   statement  the statement trigger: one INSERT for all the statement's rows, from its transition table
#   one-row    V040: one row a redacted answer in a table of its own (embedding_due), by a statement trigger
#   none       no queue at all (what the queue costs)
#   bash bench/intake/queue-trigger/run.sh      (as root or a user who can run Debian's PostgreSQL 15; about 5 minutes)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../lib.sh"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT_PG=${PORT_PG:-55470}
T=${T:-10}
SIZES=${SIZES:-1 8 20}
ROUNDS=${ROUNDS:-2}
CLIENTS=${CLIENTS:-4}
command -v pgbench >/dev/null || apt-get install -y -q postgresql >/dev/null
WORK=$(mktemp -d /tmp/consult-queue-trigger.XXXXXX)
chmod 777 "$WORK"
trap 'as_pg "$PGBIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
as_pg "$PGBIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
as_pg "$PGBIN/pg_ctl -D $WORK/pg -l $WORK/pg.log -o '-p $PORT_PG -k $WORK' -w start" >/dev/null
sql() { psql -h 127.0.0.1 -p "$PORT_PG" -U postgres -q -v ON_ERROR_STOP=1 "$@"; }
sql -f "$HERE/schema.sql"

row="(gen_random_uuid(), '{\"keyQuestions\": \"My social worker changed four times in a year and nobody told me why\", \
\"changes\": \"Let us keep the same social worker please\"}', '{}', '{}', now())"
for n in $SIZES; do
  { printf 'INSERT INTO redacted_answer (submission_id, answers, found, corrections, redacted_at) VALUES\n'
    for i in $(seq 2 "$n"); do printf '%s,\n' "$row"; done; printf '%s;\n' "$row"; } > "$WORK/rows-$n.sql"
done

echo "Machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(sql -At -c 'SHOW server_version'), $CLIENTS clients"
for round in $(seq 1 "$ROUNDS"); do
  for n in $SIZES; do
    for variant in row statement one-row none; do
      sql -c "SET client_min_messages = warning" -c "DROP TRIGGER IF EXISTS queue ON redacted_answer" \
        -c "TRUNCATE redacted_answer, answer_embedding, embedding_due"
      case $variant in
        row) sql -c "CREATE TRIGGER queue AFTER INSERT ON redacted_answer
                     FOR EACH ROW EXECUTE FUNCTION queue_each_row()";;
        statement) sql -c "CREATE TRIGGER queue AFTER INSERT ON redacted_answer REFERENCING NEW TABLE AS added
                           FOR EACH STATEMENT EXECUTE FUNCTION queue_all_added()";;
        one-row) sql -c "CREATE TRIGGER queue AFTER INSERT ON redacted_answer REFERENCING NEW TABLE AS added
                         FOR EACH STATEMENT EXECUTE FUNCTION due_all_added()";;
      esac
      sql -c "CHECKPOINT"
      tps=$(pgbench -h 127.0.0.1 -p "$PORT_PG" -U postgres -n -M prepared -c "$CLIENTS" -j 1 -T "$T" \
        -f "$WORK/rows-$n.sql" postgres 2>&1 | awk '/^tps/ { print $3 }')
      queued=$(sql -At -c "SELECT (SELECT count(*) FROM answer_embedding) + (SELECT count(*) FROM embedding_due)")
      printf "round %s  %2s a statement  %-10s %9.1f redacted answers/s  (%s queued)  load %s\n" \
        "$round" "$n" "$variant" "$(awk -v t="$tps" -v n="$n" 'BEGIN { print t * n }')" "$queued" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
