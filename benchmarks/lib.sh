# Shell helpers shared by benchmarks/run and benchmarks/peers/run (sourced, not executed).

# bench_medians CSV_FILE: "name<TAB>nanoseconds" for every median row of a Google
# Benchmark CSV report (--benchmark_out_format=csv with repetitions), the "_median" suffix
# and a "/real_time" suffix removed. Real (wall) time, converted from the row's unit.
bench_medians() {
  awk -F, '
    $1 ~ /_median"?$/ {
      name = $1; gsub(/"/, "", name); sub(/_median$/, "", name); sub(/\/real_time$/, "", name)
      scale = ($5 == "us") ? 1e3 : ($5 == "ms") ? 1e6 : ($5 == "s") ? 1e9 : 1
      printf "%s\t%.1f\n", name, $3 * scale
    }' "$1"
}

# bench_run BINARY CSV_FILE REPETITIONS [ARGS...]: runs a Google Benchmark executable with
# repetitions (at least 2: Google Benchmark reports no median for one), aggregates only,
# and writes its CSV report; the console output is dropped.
bench_run() {
  local binary=$1 csv=$2 repetitions=$3
  shift 3
  "$binary" --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
    --benchmark_out="$csv" --benchmark_out_format=csv "$@" >/dev/null
  # Column 9 is error_occurred (set by SkipWithError).
  if awk -F, 'NR > 1 && $9 == "true" { found = 1 } END { exit !found }' "$csv"; then
    echo "$(basename "$binary"): a benchmark reported an error" >&2
    return 1
  fi
}
