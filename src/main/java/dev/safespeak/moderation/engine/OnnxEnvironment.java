package dev.safespeak.moderation.engine;

import ai.onnxruntime.OrtEnvironment;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * ONNX Runtime's environment, kept alive until the process ends so that a JVM exit while a session is being created
 * does not crash. ONNX Runtime 1.20's Java {@link OrtEnvironment} registers a JVM shutdown hook of its own
 * ({@code OrtEnvironment$OrtEnvCloser}) that releases the native environment, and the JVM runs shutdown hooks in
 * parallel, so a thread still in {@code createSession} (the accurate engine's background load, seconds after start)
 * would go on with a freed environment: SIGSEGV or SIGBUS in libonnxruntime, an hs_err file, and Spring's graceful
 * close cut short. ONNX Runtime offers no setting that skips the hook, and {@code OrtEnvironment.close()} does
 * nothing in 1.20.
 *
 * <p>The native environment is a reference-counted singleton ({@code OrtEnv::GetInstance} and {@code OrtEnv::Release}
 * in ort_env.cc): this class takes one more reference through ONNX Runtime's own {@code createHandle} and never
 * gives it back, so the hook's release leaves the environment alive and the exiting process reclaims its memory.
 * The method is private to ONNX Runtime's classes, which live on the classpath (the unnamed module), so reflection
 * needs no {@code --add-opens}. Should a later ONNX Runtime rename it, or a launcher forbid the reflection, a warning
 * says so once and the environment behaves as before (an exit during a load may crash); ExitDuringEncoderLoadTest
 * then fails (decision 101). The warning goes through the JDK's {@link System.Logger}, as this package is plain Java
 * that the Flink job compiles too: Spring Boot routes it to the application's log (jul-to-slf4j).
 */
final class OnnxEnvironment {

    private static final System.Logger log = System.getLogger(OnnxEnvironment.class.getName());

    /** Where ONNX Runtime 1.20 keeps what {@link #holdReference} calls: the class, its method, the API pointer. */
    static final String ENVIRONMENT_CLASS = "ai.onnxruntime.OrtEnvironment";
    static final String CREATE_HANDLE = "createHandle";
    static final String RUNTIME_CLASS = "ai.onnxruntime.OnnxRuntime";
    static final String API_HANDLE = "ortApiHandle";

    private static boolean held;

    private OnnxEnvironment() {
    }

    /** ONNX Runtime's environment, with the extra native reference taken on the first call. */
    static synchronized OrtEnvironment get() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        if (!held) {
            held = true;
            holdReference(ENVIRONMENT_CLASS, CREATE_HANDLE, RUNTIME_CLASS, API_HANDLE)
                    .ifPresent(problem -> log.log(System.Logger.Level.WARNING, "Could not keep ONNX Runtime's "
                            + "environment alive until exit ({0}); a JVM exit while an encoder loads may crash in "
                            + "libonnxruntime", problem));
        }
        return env;
    }

    /**
     * Takes one reference to the native environment by calling {@code environmentClass.createHandle(apiHandle,
     * loggingLevel, name)} with the API pointer in {@code runtimeClass.apiHandleField}; the names are parameters so a
     * test can make each step fail. Answers why the reference could not be taken, empty when it was; never throws.
     */
    static Optional<String> holdReference(String environmentClass, String createHandle, String runtimeClass,
                                 String apiHandleField) {
        try {
            ClassLoader loader = OnnxEnvironment.class.getClassLoader();
            Field api = Class.forName(runtimeClass, true, loader).getDeclaredField(apiHandleField);
            api.setAccessible(true);
            Method create = Class.forName(environmentClass, true, loader)
                    .getDeclaredMethod(createHandle, long.class, int.class, String.class);
            create.setAccessible(true);
            // Level 2 (ORT_LOGGING_LEVEL_WARNING) and the default name, as getEnvironment() creates it.
            create.invoke(null, api.getLong(null), 2, OrtEnvironment.DEFAULT_NAME);
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // An InvocationTargetException (the native call failed) says why in its cause.
            return Optional.of(e.getCause() == null ? e.toString() : e + ": " + e.getCause());
        }
    }
}
