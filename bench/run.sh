#!/usr/bin/env bash
# Regenerates the measured part of BENCHMARKS.md and bench/chart.svg in one run:
#   1. criterion benchmarks of every extraction step (cargo bench -p newsdrop-core)
#   2. the end-to-end benchmark of the release daemon (bench/e2e_bench.rs, a bench target of
#      the watcher crate)
#   3. the Python baseline (../shared/bench/python-baseline/run.sh) on the very same files,
#      and score.py of both on the five eval inputs
#   4. a perf profile of `newsdrop extract` on those files (when perf is installed)
#   5. bench/report.py renders the tables and the chart.
#
# Usage: bench/run.sh [--quick] [--soak N] [--no-criterion] [--no-python] [--no-perf]
#   --quick      small numbers everywhere (a smoke run of a few minutes; figures are noisy)
#   --soak N     also stream N files in one long batch-mode run to check memory stays flat
# Needs ../shared next to the checkout (NEWSDROP_SHARED overrides); skips with a message without it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${NEWSDROP_SHARED:-$ROOT/../shared}
RESULTS=$ROOT/bench/results

QUICK=0 SOAK=0 CRITERION=1 PYTHON=1 PERF=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --soak) SOAK=$2; shift ;;
    --no-criterion) CRITERION=0 ;;
    --no-python) PYTHON=0 ;;
    --no-perf) PERF=0 ;;
    *) echo "usage: bench/run.sh [--quick] [--soak N] [--no-criterion] [--no-python] [--no-perf]" >&2; exit 2 ;;
  esac
  shift
done

if [ ! -d "$SHARED/corpus/xinwenlianbo/news" ] || [ ! -d "$SHARED/eval/input" ]; then
  echo "SKIP: $SHARED (corpus/xinwenlianbo, eval) not found next to the checkout; nothing to benchmark"
  exit 0
fi
SHARED=$(cd "$SHARED" && pwd)
mkdir -p "$RESULTS"
TARGET=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdrop-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)" >&2; }

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet 2>/dev/null || commit="$commit+changes"
python3 - "$RESULTS/run.json" "$commit" "$(rustc --version)" "$(python3 --version 2>&1)" "$QUICK" <<'EOF'
import json, sys
out, commit, rustc, python, quick = sys.argv[1:]
json.dump({"commit": commit, "rustc": rustc, "python": python.replace("Python ", ""), "quick": quick == "1",
           "loadavg_at_start": open("/proc/loadavg").read().strip()},
          open(out, "w"), indent=1)
EOF

if [ "$CRITERION" = 1 ]; then
  log "criterion: cargo bench -p newsdrop-core --bench steps"
  rm -rf "$TARGET/criterion"
  if [ "$QUICK" = 1 ]; then
    NEWSDROP_BENCH_XWLB_STEP=400 cargo bench -p newsdrop-core --bench steps -- \
      --warm-up-time 0.2 --measurement-time 0.5 | tee "$WORK/criterion.txt" >&2
  else
    cargo bench -p newsdrop-core --bench steps | tee "$WORK/criterion.txt" >&2
  fi
  python3 bench/report.py collect-criterion "$TARGET/criterion" > "$RESULTS/criterion.json"
fi

log "release build of the daemon and the end-to-end bench"
# Builds target/release/newsdrop too: the bench measures that binary.
cargo bench --no-run -p newsdrop-watcher --bench e2e_bench >&2
BIN=$TARGET/release/newsdrop

log "end to end"
E2E_ARGS=(--out "$RESULTS/e2e.json" --export "$WORK/set" --shared "$SHARED")
if [ "$QUICK" = 0 ]; then
  E2E_ARGS+=(--files 10000 --rate 500 --rate-files 3000 --backlog 10000 --ready-runs 5 --core-files 300)
else
  E2E_ARGS+=(--files 600 --rate 200 --rate-files 300 --backlog 1000 --ready-runs 2 --core-files 40)
fi
[ "$SOAK" != 0 ] && E2E_ARGS+=(--soak "$SOAK")
cargo bench -q -p newsdrop-watcher --bench e2e_bench -- "${E2E_ARGS[@]}"

log "score.py on newsdrop's records for the five eval inputs"
"$BIN" extract "$SHARED/eval/input" > "$WORK/newsdrop_eval.jsonl" 2> "$WORK/newsdrop_eval.err" || true
python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/gold" --records "$WORK/newsdrop_eval.jsonl" --json \
  > "$RESULTS/score_newsdrop.txt" || true
head -n 1 "$RESULTS/score_newsdrop.txt" > "$RESULTS/score_newsdrop.json"

rm -f "$RESULTS/python_set.json" "$RESULTS/python_eval.json" "$RESULTS/score_python.json" "$RESULTS/score_python.txt"
if [ "$PYTHON" = 1 ]; then
  PY=$SHARED/bench/python-baseline/run.sh
  log "python-baseline on the same $(ls "$WORK/set" | wc -l) files"
  if "$PY" "$WORK/set" > "$WORK/python_set.out" 2> "$WORK/python_set.err"; then
    tail -n 1 "$WORK/python_set.out" > "$RESULTS/python_set.json"
    cat "$RESULTS/python_set.json" >&2
    log "python-baseline on the five eval inputs (median of 3) and score.py"
    "$PY" --repeat 3 --records "$WORK/python_eval.jsonl" "$SHARED/eval/input" > "$WORK/python_eval.out" 2>> "$WORK/python_set.err"
    tail -n 1 "$WORK/python_eval.out" > "$RESULTS/python_eval.json"
    python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/gold" --records "$WORK/python_eval.jsonl" --json \
      > "$RESULTS/score_python.txt" || true
    head -n 1 "$RESULTS/score_python.txt" > "$RESULTS/score_python.json"
  else
    echo "python-baseline failed (no PyPI access for its venv?); see below. The report leaves it out." >&2
    tail -n 20 "$WORK/python_set.err" >&2
  fi
fi

rm -f "$RESULTS/perf.txt"
if [ "$PERF" = 1 ] && command -v perf > /dev/null; then
  log "perf profile of newsdrop extract on the same files"
  if perf record -q -F 1999 -g -o "$WORK/perf.data" -- "$BIN" extract "$WORK/set" > /dev/null 2> "$WORK/perf.err"; then
    perf report -q -i "$WORK/perf.data" --no-children --sort dso,symbol --stdio -g none --percent-limit 0.7 2> /dev/null \
      | sed -e 's/[[:space:]]*-[[:space:]]*-[[:space:]]*$//' -e 's/[[:space:]]*$//' | grep -v '^$' | cut -c1-150 > "$RESULTS/perf.txt" || true
  else
    echo "perf record failed; no profile" >&2
  fi
fi

log "rendering BENCHMARKS.md and bench/chart.svg"
python3 bench/report.py render --results "$RESULTS" --md BENCHMARKS.md --svg bench/chart.svg
echo "wrote BENCHMARKS.md, bench/chart.svg and bench/results/" >&2
