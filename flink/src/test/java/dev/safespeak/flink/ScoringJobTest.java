package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class ScoringJobTest {

    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    @Test
    void the_first_argument_chooses_the_job() {
        assertThat(ScoringJob.configure(env, new String[] {"bounded", "--in", "in", "--out", "out"}))
                .isEqualTo("safespeak-bounded");
        assertThat(ScoringJob.configure(StreamExecutionEnvironment.createLocalEnvironment(1), new String[] {
            "stream", "--bootstrap-servers", "127.0.0.1:9092", "--input-topic", "in", "--output-topic", "out"}))
                .isEqualTo("safespeak-stream");
    }

    @Test
    void bad_arguments_are_refused_with_the_reason() {
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[0]))
                .hasMessageStartingWith("the first argument must be bounded or stream");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--topic", "x"}))
                .hasMessageStartingWith("unknown option --topic for bounded");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--in"}))
                .hasMessage("--in needs a value");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"bounded", "--in", "x"}))
                .hasMessage("--out is required");
        assertThatThrownBy(() -> ScoringJob.configure(env,
                new String[] {"bounded", "--in", "x", "--out", "y", "--parallelism", "0"}))
                .hasMessage("--parallelism must be a positive number, not 0");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"stream", "--input-topic", "in"}))
                .hasMessage("--bootstrap-servers is required");
        assertThatThrownBy(() -> ScoringJob.configure(env, new String[] {"stream", "--bootstrap-servers", "h:1",
            "--input-topic", "in", "--output-topic", "out", "--checkpoint-millis", "x"}))
                .hasMessage("--checkpoint-millis must be a positive number, not x");
    }
}
