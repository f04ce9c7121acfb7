package dev.safespeak.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.TinyOnnx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the accurate engine can score, and the 503 reasons a client reads when it cannot. */
class AccurateEngineTest {

    @TempDir
    Path dir;

    private ModerationProperties.Byo byo(Path onnx, Path tokenizer) {
        return new ModerationProperties.Byo("tiny", onnx.toString(), tokenizer.toString(), TinyOnnx.LABELS,
                List.of("en"), null, null, null);
    }

    private AccurateEngine engine(Boolean enabled, ModerationProperties.Byo byo) {
        return engine(enabled, true, byo);
    }

    private AccurateEngine engine(Boolean enabled, boolean preload, ModerationProperties.Byo byo) {
        return new AccurateEngine(new ModerationProperties.Encoder(enabled, "file:" + dir.resolve("none.json"), 1,
                preload), byo == null ? null : byo.toModel(), () -> null);
    }

    @Test
    void switched_off_it_answers_unavailable_with_the_key_to_switch_it_on() {
        AccurateEngine engine = engine(false, null);
        assertThat(engine.status().state()).isEqualTo(AccurateEngine.State.OFF);
        assertThatThrownBy(engine::require).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessage("the accurate engine is switched off (safespeak.moderation.encoder.enabled=false); "
                        + "mode fast keeps working");
    }

    @Test
    void without_heads_or_byo_model_it_fails_once_and_remembers_why() {
        AccurateEngine engine = engine(true, null);
        assertThat(engine.status().state()).isEqualTo(AccurateEngine.State.NOT_LOADED);
        String reason = "the accurate engine cannot be loaded: the encoder heads file:" + dir.resolve("none.json")
                + " do not exist and no bring-your-own model is configured; mode fast keeps working";

        assertThatThrownBy(engine::require).isInstanceOf(BusinessException.class).hasMessage(reason);
        assertThat(engine.status().state()).isEqualTo(AccurateEngine.State.FAILED);
        assertThatThrownBy(engine::require).hasMessage(reason);
    }

    @Test
    void a_byo_model_whose_file_is_gone_makes_it_unavailable_with_the_path() {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        Path gone = dir.resolve("gone.onnx");
        AccurateEngine engine = engine(true, byo(gone, files.tokenizer()));
        assertThatThrownBy(engine::require).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessage("the accurate engine cannot be loaded: bring-your-own model tiny: file " + gone
                        + " does not exist; mode fast keeps working");
    }

    @Test
    void a_configured_byo_model_alone_makes_it_ready_and_is_loaded_once() throws Exception {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        AccurateEngine engine = engine(true, byo(files.onnx(), files.tokenizer()));

        AccurateModels first = engine.require();

        assertThat(first.describe()).isEqualTo("byo:tiny [en]");
        assertThat(engine.status().state()).isEqualTo(AccurateEngine.State.READY);
        assertThat(engine.status().detail()).startsWith("byo:tiny [en], loaded in ");
        assertThat(engine.require()).isSameAs(first);
    }

    @Test
    void the_background_load_makes_it_ready_unless_preload_is_off() throws Exception {
        TinyOnnx.Files2 files = TinyOnnx.write(dir);
        AccurateEngine off = engine(true, false, byo(files.onnx(), files.tokenizer()));
        off.preloadInBackground();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("accurate-engine-preload");

        AccurateEngine on = engine(true, true, byo(files.onnx(), files.tokenizer()));
        on.preloadInBackground();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1))
                .until(() -> on.status().state() == AccurateEngine.State.READY);
        // Checked only now: by the time a background load made "on" ready, one of "off" would have too.
        assertThat(off.status().state()).isEqualTo(AccurateEngine.State.NOT_LOADED);
        // Preloading off loads at the first use instead.
        assertThat(off.require().describe()).isEqualTo("byo:tiny [en]");
    }
}
