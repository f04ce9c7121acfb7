# Sourced by the training and benchmark scripts: compiles the main, test and training sources and prints the
# classpath that runs them (target/test-classes holds the training code; it never enters the production jar).
#   source training/classpath.sh; CP=$(safespeak_classpath target/bench)
safespeak_classpath() {
    local work="$1"
    mkdir -p "$work"
    ./mvnw -B -q test-compile >&2
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
    echo "target/test-classes:target/classes:$(cat "$work/cp.txt")"
}
