package dev.safespeak.base;

import java.nio.file.FileSystemException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the small Spring context of a command line ({@code keys}, {@code audit verify}) and says in one line why one
 * did not start. Spring reports a failed start as "Application run failed" with a stack trace of some sixty lines on
 * stdout (logging is not set up yet when the environment fails, say on an unusable ./data); a command prints the
 * reason on stderr itself instead.
 */
public final class CommandContexts {

    /**
     * The loggers that report a failed start, which the command's own line replaces: Spring's, and the data source's
     * "database unavailable" (written for the server, which goes on without it; a command stops).
     */
    private static final String[] FAILURE_LOGGERS = {"org.springframework.boot.SpringApplication",
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
            "org.springframework.context.annotation.AnnotationConfigApplicationContext",
            "dev.safespeak.base.database.GuardedDataSource"};

    private CommandContexts() {
    }

    /**
     * Runs the context with Spring's own report of a failed start turned off, before logging is set up (the logging
     * system's level) and after (the properties).
     */
    public static ConfigurableApplicationContext run(SpringApplicationBuilder builder) {
        LoggingSystem logging = LoggingSystem.get(CommandContexts.class.getClassLoader());
        String[] properties = new String[FAILURE_LOGGERS.length];
        for (int i = 0; i < FAILURE_LOGGERS.length; i++) {
            logging.setLogLevel(FAILURE_LOGGERS[i], LogLevel.OFF);
            properties[i] = "logging.level." + FAILURE_LOGGERS[i] + "=OFF";
        }
        return builder.properties(properties).run();
    }

    /**
     * Why a context did not start (or a command failed), as one line: the first line of the message of the first
     * exception that is not Spring's wrapping (which names beans and classes), and the root cause's when it adds to
     * it.
     */
    public static String reason(Throwable failure) {
        Throwable first = failure;
        while (first.getCause() != null && first.getClass().getName().startsWith("org.springframework.")) {
            first = first.getCause();
        }
        Throwable root = first;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = message(first);
        String rootMessage = root == first ? null : message(root);
        if (message == null) {
            return rootMessage != null ? rootMessage : failure.getClass().getSimpleName();
        }
        return rootMessage == null || message.contains(rootMessage) ? message : message + " (" + rootMessage + ")";
    }

    /** An exception as a sentence: a file-system error names its cause, not only the path as its message does. */
    public static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f && f.getReason() == null) {
            return f.getFile() + " already exists";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The first line of what {@link #describe} says (Flyway adds a table below), or null without a message. */
    private static String message(Throwable e) {
        return e.getMessage() == null ? null : describe(e).lines().findFirst().orElse("").strip();
    }
}
