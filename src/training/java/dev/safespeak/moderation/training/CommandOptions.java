package dev.safespeak.moderation.training;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} options of the training commands. A {@code --no-x} option is a flag and takes no
 * value; everything else must have one. A typo in a name is not caught here: each command reads only the names it
 * knows, and records all options it was given in the artifact's manifest.
 */
final class CommandOptions {

    private final Map<String, String> values;

    private CommandOptions(Map<String, String> values) {
        this.values = values;
    }

    static CommandOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("argument " + arg + " is not an option (--name value)");
            }
            String name = arg.substring(2);
            if (name.startsWith("no-")) {
                values.put(name, "true");
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " has no value");
            } else {
                values.put(name, args[++i]);
            }
        }
        return new CommandOptions(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Whether the option (for example a {@code --no-x} flag) was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    int getInt(String name, int fallback) {
        return number(name, fallback, Integer::parseInt);
    }

    long getLong(String name, long fallback) {
        return number(name, fallback, Long::parseLong);
    }

    double getDouble(String name, double fallback) {
        return number(name, fallback, Double::parseDouble);
    }

    /** Every option as given, for the manifest. */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private <T> T number(String name, T fallback, java.util.function.Function<String, T> parse) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a number, not '" + value + "'");
        }
    }
}
