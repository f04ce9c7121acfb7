# Functions of bench/cli.sh, in a file of their own so that BenchScriptsTest can run them without the benchmark.
# Sourced by bench/cli.sh from the repository root; they read START_JAR, CDS_DIR and CDS_JAR, which it sets.

# start_command ARGS...: sets START_COMMAND to the java command bin/start runs for the app arguments ARGS with this
# run's jar and archive, and START_FLAGS to its options for the report; fails when it would not use the archive.
# eval reads the line as bash words: bin/start prints each word quoted for bash (printf %q).
start_command() {
    local line
    line=$(JAVA_OPTS=-Xshare:on bin/start --jar "$START_JAR" --print-java-command "$@") \
        || { echo "bin/start --print-java-command $* failed" >&2; exit 1; }
    eval "START_COMMAND=($line)"
    local n=$(( ${#START_COMMAND[@]} - $# ))
    if [[ "${START_COMMAND[*]:n}" != "$*" || "${START_COMMAND[*]:1:n-1}" != *"-XX:SharedArchiveFile=$CDS_DIR/app.jsa -jar $CDS_JAR" ]]; then
        echo "bin/start would not run the app with this run's archive: $line" >&2
        exit 1
    fi
    START_FLAGS=$(printf '%s\n' "${START_COMMAND[@]:1:n-3}" | sed "s|=$CDS_DIR/|=|" | paste -sd' ')
}

# measured_commit: the short commit of the checkout the benchmark runs in, "(with uncommitted changes)" after it when
# tracked files differ from it, or "unknown" outside a git checkout.
measured_commit() {
    local commit
    commit=$(git rev-parse --verify -q --short HEAD 2>/dev/null) || { echo unknown; return; }
    if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
        echo "$commit (with uncommitted changes)"
    else
        echo "$commit"
    fi
}

# write_wrk_post_lua KEY FILE: writes a wrk script to FILE that POSTs the file named by the environment variable BODY
# as JSON with the API key KEY and prints one line of results: wrk_requests, wrk_rps, wrk_p50_ms, wrk_p95_ms,
# wrk_p99_ms and wrk_errors (non-2xx answers and socket errors). Used by bench/api.sh and bench/warmup-after-start.sh.
write_wrk_post_lua() {
    cat > "$2" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $1"
local f = io.open(os.getenv("BODY"), "r"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  io.write(string.format("wrk_requests=%d wrk_rps=%.1f wrk_p50_ms=%.2f wrk_p95_ms=%.2f wrk_p99_ms=%.2f wrk_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
}
