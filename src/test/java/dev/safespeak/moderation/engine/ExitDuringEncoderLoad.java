package dev.safespeak.moderation.engine;

/**
 * A JVM that exits while an encoder loads, run as a child process by {@link ExitDuringEncoderLoadTest}: a daemon
 * thread loads bge-small through {@link OnnxTextModel} as the app's {@code accurate-engine-preload} thread does, and
 * the main thread calls {@code System.exit(0)} a given number of milliseconds after that thread entered ONNX Runtime's
 * createSession. A shutdown hook stands in for Spring's graceful close (which closes the database): it takes a moment
 * and says when it finished, so a crash that cuts it short shows.
 *
 * <p>Prints {@code EXIT_DURING_LOAD} when the loader was still running at the exit, {@code EXIT_AFTER_LOAD} when the
 * delay outlasted the load, and {@code HOOK_DONE} when the stand-in hook completed.
 */
final class ExitDuringEncoderLoad {

    static final String ONNX = "bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private ExitDuringEncoderLoad() {
    }

    public static void main(String[] args) throws InterruptedException {
        long delayMillis = Long.parseLong(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("HOOK_DONE");
            System.out.flush();
        }, "graceful-close"));
        Thread loader = new Thread(() -> {
            try {
                OnnxTextModel.fromClasspath(ONNX, TOKENIZER, 1);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "accurate-engine-preload");
        loader.setDaemon(true);
        loader.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!inCreateSession(loader)) {
            if (!loader.isAlive() || System.nanoTime() > deadline) {
                System.out.println("NEVER_SAW_CREATE_SESSION");
                System.exit(3);
            }
            Thread.sleep(1);
        }
        Thread.sleep(delayMillis);
        System.out.println(loader.isAlive() ? "EXIT_DURING_LOAD" : "EXIT_AFTER_LOAD");
        System.out.flush();
        System.exit(0);
    }

    private static boolean inCreateSession(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("ai.onnxruntime.OrtSession") && frame.getMethodName().equals("createSession")
                    && frame.isNativeMethod()) {
                return true;
            }
        }
        return false;
    }
}
