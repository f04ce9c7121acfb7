package dev.safespeak.moderation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The extra reference to ONNX Runtime's environment and its fallback; the exit itself is ExitDuringEncoderLoadTest's. */
class OnnxEnvironmentTest {

    private static final String ENV = OnnxEnvironment.ENVIRONMENT_CLASS;
    private static final String RUNTIME = OnnxEnvironment.RUNTIME_CLASS;

    @Test
    void the_bundled_onnx_runtime_lets_the_reference_be_taken() {
        OnnxEnvironment.get();

        assertThat(OnnxEnvironment.holdReference(ENV, OnnxEnvironment.CREATE_HANDLE, RUNTIME,
                OnnxEnvironment.API_HANDLE)).isEmpty();
    }

    @Test
    void an_onnx_runtime_without_the_method_is_reported_and_left_as_it_is() {
        OnnxEnvironment.get();

        assertThat(OnnxEnvironment.holdReference(ENV, "createEnvironment", RUNTIME, OnnxEnvironment.API_HANDLE))
                .hasValueSatisfying(why -> assertThat(why).contains("NoSuchMethodException", "createEnvironment"));
    }

    @Test
    void refused_reflection_is_reported_and_left_as_it_is() {
        // java.lang is not opened to the classpath, so making Thread's private field accessible is refused, as it
        // would be for ONNX Runtime's classes in a module that does not open them.
        assertThat(OnnxEnvironment.holdReference(ENV, OnnxEnvironment.CREATE_HANDLE, "java.lang.Thread", "tid"))
                .hasValueSatisfying(why -> assertThat(why).contains("InaccessibleObjectException"));
    }

    @Test
    void an_onnx_runtime_without_the_api_field_is_reported_and_left_as_it_is() {
        OnnxEnvironment.get();

        assertThat(OnnxEnvironment.holdReference(ENV, OnnxEnvironment.CREATE_HANDLE, RUNTIME, "missingApiHandle"))
                .hasValueSatisfying(why -> assertThat(why).contains("NoSuchFieldException"));
    }
}
