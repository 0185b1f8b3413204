#!/usr/bin/env bash
# Whole-process benchmarks: intake against the sqlite3 shell and fzf on the synthetic diaries
# (ten years, ~104,000 entries, and its latest 1,000 entries), with peak memory of each command,
# `intake plan` on both, and issue 19's goals each printed as met or MISSED.
#
# Also the imports (issue 17): a 10,000-row Cronometer servings.csv and a 100,000-row per-entry
# CSV into an empty diary, with their peak memory.
#
# Usage: scripts/bench.sh [OUT_DIR] [import]  (default target/bench; takes 3-4 minutes; `import`
# runs only the import benchmarks, to OUT_DIR/import.md)
# Writes OUT_DIR/results.md (the table BENCHMARKS.md quotes) and the hyperfine JSON beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/bench}
ONLY=${2:-}
DAY=2026-06-30 # the last day of the synthetic diaries
FROM=2025-07-01 # a year of export, ending on DAY
FIRST=2016-06-30 # the first day of the ten-year diary
BIG=$OUT/ten-years.db
SMALL=$OUT/small.db
WARFARIN=$OUT/ten-years-warfarin.db # the same diary, profile on warfarin (more history read)
SERVINGS=$OUT/servings-10k.csv # the latest 10,000 entries as Cronometer's servings.csv
ENTRIES=$OUT/entries-100k.csv # the latest 100,000 entries as intake's per-entry CSV
IMPORTED=$OUT/imported.db # the empty diary each import run writes into
BIN=${CARGO_TARGET_DIR:-target}/release
INTAKE=$BIN/intake
mkdir -p "$OUT"

install_tools() {
    local missing=()
    command -v hyperfine >/dev/null || missing+=(hyperfine)
    [ -x /usr/bin/time ] || missing+=(time)
    command -v sqlite3 >/dev/null || missing+=(sqlite3)
    command -v fzf >/dev/null || missing+=(fzf)
    command -v jq >/dev/null || missing+=(jq)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]} (Debian packages)" >&2
        { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; } ||
            echo "could not install ${missing[*]}" >&2
    fi
    local tool
    for tool in hyperfine sqlite3 jq; do
        command -v "$tool" >/dev/null || { echo "bench.sh needs $tool" >&2 && exit 1; }
    done
    [ -x /usr/bin/time ] || { echo "bench.sh needs /usr/bin/time (package time)" >&2 && exit 1; }
}

# fzf is only the anchor of the search goal: without it that row and goal are skipped, saying so.
have_fzf() { command -v fzf >/dev/null; }

build_and_generate() {
    cargo build --release --bin intake --bin gen-diary
    "$BIN/gen-diary" --out "$BIG" --force --names "$OUT/names.txt"
    "$BIN/gen-diary" --out "$SMALL" --force --entries 1000
    rm -f "$WARFARIN" "$WARFARIN-wal" "$WARFARIN-shm"
    cp "$BIG" "$WARFARIN"
    "$INTAKE" --db "$WARFARIN" profile set --warfarin yes >/dev/null
}

# The day's totals as `intake day` prints them: per shown nutrient, the sums of the entries'
# low and high ends (vitamin D = D3 + D2 + other forms; K2 = MK-4 + MK-7 + other), in mg / IU / mcg.
sum() { # sum COLUMN... -> "(total(a_lo)+total(b_lo))/1000.0, (...hi...)/1000.0"
    local lo="" hi=""
    for c in "$@"; do lo+="+total(${c}_lo)"; hi+="+total(${c}_hi)"; done
    echo "(${lo#+})/1000.0, (${hi#+})/1000.0"
}
TOTALS="count(*), $(sum calcium_mg), $(sum vitamin_d3_iu vitamin_d2_iu vitamin_d_other_iu), \
$(sum vitamin_k2_mk4_mcg vitamin_k2_mk7_mcg vitamin_k2_other_mcg), $(sum magnesium_mg), $(sum vitamin_k1_mcg)"
DAY_SQL="SELECT $TOTALS FROM entries WHERE date = '$DAY'"
range_sql() { # range_sql FROM TO: the daily totals of a range, as an export's rows
    echo "SELECT date, $TOTALS FROM entries WHERE date BETWEEN '$1' AND '$2' GROUP BY date ORDER BY date"
}
YEAR_SQL=$(range_sql "$FROM" "$DAY")
TEN_SQL=$(range_sql "$FIRST" "$DAY")

# sqlite3 and intake must agree on the numbers, or the comparison means nothing.
check_totals() {
    local ours theirs
    ours=$("$INTAKE" --db "$BIG" day "$DAY" --json | jq -r '[(.entries | length)] +
        ([.totals.calcium, .totals.vitamin_d, .totals.vitamin_k2, .totals.magnesium,
          .totals.vitamin_k1] | map(.low, .high)) | map(. * 1000 | round) | join(" ")')
    theirs=$(sqlite3 -separator ' ' "$BIG" "$DAY_SQL" |
        awk '{ for (i = 1; i <= NF; i++) printf "%s%d", (i > 1 ? " " : ""), ($i * 1000 + 0.5) }')
    if [ "$ours" != "$theirs" ]; then
        echo "totals differ: intake [$ours] sqlite3 [$theirs]" >&2
        exit 1
    fi
    echo "totals agree (entries, then low/high x1000 of Ca, D, K2, Mg, K1): $ours"
}

# hf NAME ROUNDS RUNS [--shell] COMMAND... : hyperfine in ROUNDS rounds of RUNS runs of each
# command, so that the commands take turns (the machine is shared: load comes and goes), merged
# into OUT/NAME.json. Without --shell, commands run without a shell; fzf reads the names on
# stdin, so its group runs through sh (hyperfine measures and subtracts the shell's start-up).
hf() {
    local name=$1 rounds=$2 runs=$3 mode=(-N)
    shift 3
    if [ "$1" = --shell ]; then mode=() && shift; fi
    for r in $(seq "$rounds"); do
        hyperfine "${mode[@]}" --warmup 3 --runs "$runs" --export-json "$OUT/$name.$r.json" "$@" >&2
    done
    jq -s '{results: [range(0; .[0].results | length) as $i
        | ([.[].results[$i].times] | add) as $t | ($t | add / length) as $m
        | {command: .[0].results[$i].command, runs: ($t | length), mean: $m,
           cpu: ([.[].results[$i] | .user + .system] | add / length),
           median: ($t | sort | if length % 2 == 1 then .[length / 2 | floor]
                    else (.[length / 2 - 1] + .[length / 2]) / 2 end),
           stddev: ($t | map((. - $m) * (. - $m)) | add / (length - 1) | sqrt)}]}' \
        "$OUT/$name".[0-9]*.json >"$OUT/$name.json"
    rm -f "$OUT/$name".[0-9]*.json
}

run_all() {
    hf day 20 20 \
        "$INTAKE --db $BIG day $DAY" \
        "sqlite3 $BIG \"$DAY_SQL\"" \
        "$INTAKE --db $SMALL day $DAY" \
        "$INTAKE --db $WARFARIN day $DAY"
    local fzf=()
    have_fzf && fzf=("fzf --filter salmon < $OUT/names.txt")
    hf foods 5 10 --shell "$INTAKE --db $BIG foods salmon" "${fzf[@]}"
    hf export 4 5 \
        "$INTAKE --db $BIG export --from $FROM --to $DAY" \
        "sqlite3 -csv -header $BIG \"$YEAR_SQL\""
    hf whole 2 3 \
        "$INTAKE --db $BIG export --from $FIRST --to $DAY" \
        "$INTAKE --db $BIG export --entries --from $FIRST --to $DAY" \
        "sqlite3 -csv -header $BIG \"$TEN_SQL\""
    hf plan 5 10 \
        "$INTAKE --db $BIG plan $DAY" \
        "$INTAKE --db $SMALL plan $DAY"
}

mean_ms() { # mean_ms NAME INDEX
    jq -r ".results[$2].mean * 1000 | . * 100 | round / 100" "$OUT/$1.json"
}

# The budgets are judged on medians: on a shared machine a few slow runs move the mean.
median_ms() {
    jq -r ".results[$2].median * 1000 | . * 100 | round / 100" "$OUT/$1.json"
}

# CPU time (user + system) of a run: less moved by other processes than the wall clock.
cpu_ms() {
    jq -r ".results[$2].cpu * 1000 | . * 100 | round / 100" "$OUT/$1.json"
}

sd_ms() {
    jq -r ".results[$2].stddev * 1000 | . * 100 | round / 100" "$OUT/$1.json"
}

peak_mb() { # peak_mb COMMAND... : maximum resident set size in MB
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

verdict() { # verdict VALUE LIMIT -> met / MISSED (VALUE < LIMIT)
    awk -v v="$1" -v l="$2" 'BEGIN { print (v < l ? "met" : "MISSED") }'
}

at_most() { # at_most VALUE LIMIT -> met / MISSED (VALUE <= LIMIT, issue 19's goals)
    awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l ? "met" : "MISSED") }'
}

PEAK_INTAKE=0 # the largest peak memory of an intake command, MB
row() { # row LABEL NAME INDEX PEAK_CMD...
    local label=$1 name=$2 i=$3 peak
    shift 3
    peak=$(peak_mb "$@")
    if [ "$1" = "$INTAKE" ]; then
        higher_peak "$peak"
    fi
    echo "| $label | $(median_ms "$name" "$i") ms | $(mean_ms "$name" "$i") ± $(sd_ms "$name" "$i") ms | $(cpu_ms "$name" "$i") ms | $peak MB |"
}

report() {
    local big small sq exp sqexp
    big=$(median_ms day 0) sq=$(median_ms day 1) small=$(median_ms day 2)
    exp=$(median_ms export 0) sqexp=$(median_ms export 1)
    echo "| command | median | mean ± σ | CPU (user+sys) | peak memory |"
    echo "|---|---|---|---|---|"
    row "\`intake day $DAY\`, ten-year diary" day 0 "$INTAKE" --db "$BIG" day "$DAY"
    row "\`sqlite3\` day totals, ten-year diary" day 1 sqlite3 "$BIG" "$DAY_SQL"
    row "\`intake day $DAY\`, 1,000-entry diary" day 2 "$INTAKE" --db "$SMALL" day "$DAY"
    row "\`intake day $DAY\`, ten-year diary, profile on warfarin" day 3 \
        "$INTAKE" --db "$WARFARIN" day "$DAY"
    row "\`intake foods salmon\`, ten-year diary" foods 0 "$INTAKE" --db "$BIG" foods salmon
    have_fzf && row "\`fzf --filter salmon\` over the $(wc -l <"$OUT/names.txt") item names" \
        foods 1 sh -c "fzf --filter salmon < $OUT/names.txt"
    row "\`intake export --from $FROM --to $DAY\`" export 0 \
        "$INTAKE" --db "$BIG" export --from "$FROM" --to "$DAY"
    row "\`sqlite3 -csv\` GROUP BY date, same year" export 1 sqlite3 -csv -header "$BIG" "$YEAR_SQL"
    row "\`intake export\`, all ten years" whole 0 \
        "$INTAKE" --db "$BIG" export --from "$FIRST" --to "$DAY"
    row "\`intake export --entries\`, all ten years" whole 1 \
        "$INTAKE" --db "$BIG" export --entries --from "$FIRST" --to "$DAY"
    row "\`sqlite3 -csv\` GROUP BY date, all ten years" whole 2 \
        sqlite3 -csv -header "$BIG" "$TEN_SQL"
    row "\`intake plan $DAY\`, ten-year diary" plan 0 "$INTAKE" --db "$BIG" plan "$DAY"
    row "\`intake plan $DAY\`, 1,000-entry diary" plan 1 "$INTAKE" --db "$SMALL" plan "$DAY"
    echo
    echo "Budgets on the medians:"
    echo "- intake day / sqlite3: $(ratio "$big" "$sq")x (budget < 1.5x: $(verdict "$(ratio "$big" "$sq")" 1.5));" \
        "CPU time $(ratio "$(cpu_ms day 0)" "$(cpu_ms day 1)")x"
    local spread
    spread=$(awk -v a="$big" -v b="$small" 'BEGIN { d = a - b; if (d < 0) d = -d; printf "%.1f", 100 * d / b }')
    echo "- intake day, ten-year vs 1,000-entry diary: $spread % apart (budget < 10 %: $(verdict "$spread" 10));" \
        "CPU time $(ratio "$(cpu_ms day 0)" "$(cpu_ms day 2)")x"
    echo "- intake export of a year: $exp ms (budget < 100 ms: $(verdict "$exp" 100)); sqlite3 GROUP BY: $sqexp ms"
    echo "- peak memory of intake, largest of the above: $PEAK_INTAKE MB (budget < 30 MB: $(verdict "$PEAK_INTAKE" 30))"
}

goal() { # goal WHAT VALUE LIMIT UNIT: one line of issue 19's goals
    echo "- $1: $2$4 (goal <= $3$4): $(at_most "$2" "$3")"
}

# Issue 19's goals, on the medians of this run.
goals() {
    local sq
    sq=$(median_ms day 1)
    echo "Goals (issue 19), on the medians of this run:"
    if have_fzf; then
        goal "intake foods salmon / fzf --filter salmon" \
            "$(ratio "$(median_ms foods 0)" "$(median_ms foods 1)")" 1.0 x
    else
        echo "- intake foods salmon / fzf --filter salmon: not judged, fzf is not installed (apt-get install fzf)"
    fi
    goal "intake day, ten-year diary / sqlite3 day totals" "$(ratio "$(median_ms day 0)" "$sq")" 1.2 x
    goal "intake day on warfarin / sqlite3 day totals" "$(ratio "$(median_ms day 3)" "$sq")" 1.2 x
    goal "a year's export / sqlite3 -csv GROUP BY date" \
        "$(ratio "$(median_ms export 0)" "$(median_ms export 1)")" 2.0 x
    goal "ten years' export / sqlite3 -csv GROUP BY date, same range" \
        "$(ratio "$(median_ms whole 0)" "$(median_ms whole 2)")" 2.0 x
    goal "peak memory, largest intake command measured here (imports and memory table included)" \
        "$PEAK_INTAKE" 12 " MB"
    echo "- intake plan, ten-year diary: $(median_ms plan 0) ms; 1,000-entry diary: $(median_ms plan 1) ms" \
        "(the solver's budget, < 5 ms, is cargo bench --bench plan's)"
}

# The import inputs: Cronometer's servings.csv of the latest 10,000 entries (gen-diary writes it
# as Cronometer would: most times blank, one vitamin K column) and the per-entry CSV of the latest
# 100,000 (intake export --entries of that diary).
generate_imports() {
    "$BIN/gen-diary" --out "$OUT/import-10k.db" --force --entries 10000 --cronometer "$SERVINGS"
    "$BIN/gen-diary" --out "$OUT/import-100k.db" --force --entries 100000
    "$INTAKE" --db "$OUT/import-100k.db" export --entries --from 2000-01-01 --to "$DAY" \
        -o "$ENTRIES" --force
    echo "inputs: $(($(wc -l <"$SERVINGS") - 1)) servings rows, $(($(wc -l <"$ENTRIES") - 1)) entries rows"
}

fresh() { rm -f "$IMPORTED" "$IMPORTED-wal" "$IMPORTED-shm"; }

run_imports() {
    local clear="rm -f $IMPORTED $IMPORTED-wal $IMPORTED-shm"
    hf import 3 3 --prepare "$clear" \
        "$INTAKE --db $IMPORTED import cronometer $SERVINGS" \
        "$INTAKE --db $IMPORTED import entries $ENTRIES"
}

import_report() {
    local serv ent pserv pent
    fresh && pserv=$(peak_mb "$INTAKE" --db "$IMPORTED" import cronometer "$SERVINGS")
    fresh && pent=$(peak_mb "$INTAKE" --db "$IMPORTED" import entries "$ENTRIES")
    higher_peak "$pserv" && higher_peak "$pent"
    serv=$(median_ms import 0) ent=$(median_ms import 1)
    echo "| command | median | mean ± σ | CPU (user+sys) | peak memory |"
    echo "|---|---|---|---|---|"
    echo "| \`intake import cronometer\`, 10,000 servings rows, empty diary | $serv ms | $(mean_ms import 0) ± $(sd_ms import 0) ms | $(cpu_ms import 0) ms | $pserv MB |"
    echo "| \`intake import entries\`, 100,000 rows, empty diary | $ent ms | $(mean_ms import 1) ± $(sd_ms import 1) ms | $(cpu_ms import 1) ms | $pent MB |"
    echo
    echo "- import of 10,000 Cronometer rows: $serv ms (budget < 1000 ms: $(verdict "$serv" 1000))"
    echo "- import of 100,000 entries: $ent ms (budget < 5000 ms: $(verdict "$ent" 5000)); peak memory $pent MB (budget < 30 MB: $(verdict "$pent" 30))"
}

higher_peak() { # higher_peak MB: PEAK_INTAKE becomes MB when that is higher
    PEAK_INTAKE=$(awk -v a="$PEAK_INTAKE" -v b="$1" 'BEGIN { print (b > a ? b : a) }')
}

# Peak memory of the commands that read every food or the whole diary (issue 19's goal is for
# any command), on the ten-year diary.
memory_report() {
    local args peak
    echo "| command, ten-year diary | peak memory |"
    echo "|---|---|"
    for args in "suggest $DAY" "suggest --supplements $DAY" "foods --coverage" "check" "week $DAY"; do
        # shellcheck disable=SC2086 # args holds the command's words
        peak=$(peak_mb "$INTAKE" --db "$BIG" $args)
        higher_peak "$peak"
        echo "| \`intake $args\` | $peak MB |"
    done
    fresh && peak=$(peak_mb "$INTAKE" --db "$IMPORTED" import diary "$BIG")
    higher_peak "$peak"
    echo "| \`intake import diary\` of the ten-year diary into an empty one | $peak MB |"
}

machine() {
    echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(uname -sr)," \
        "$(rustc --version | cut -d' ' -f1-2), hyperfine $(hyperfine --version | cut -d' ' -f2)," \
        "sqlite3 $(sqlite3 --version | cut -d' ' -f1), fzf $( (have_fzf && fzf --version) | cut -d' ' -f1);" \
        "intake $(linked);" "load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
}

# How intake was linked (scripts/cc-static-pie): a static PIE starts without the dynamic loader.
linked() {
    if ! command -v readelf >/dev/null; then
        echo "linked (how: unknown, no readelf)"
    elif readelf -l "$INTAKE" | grep -q "Requesting program interpreter"; then
        echo "linked dynamically"
    else
        echo "linked as a static PIE"
    fi
}

install_tools
if [ "$ONLY" = import ]; then
    cargo build --release --bin intake --bin gen-diary
    generate_imports
    run_imports
    { machine; echo; import_report; } | tee "$OUT/import.md"
    exit 0
fi
build_and_generate
generate_imports
check_totals
run_all
run_imports
{
    machine
    echo
    report
    echo
    import_report
    echo
    memory_report
    echo
    goals
    echo
    echo "Load at the end: $(uptime)"
} | tee "$OUT/results.md"
