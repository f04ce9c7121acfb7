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

    /**
     * A {@code key=number,key=number} option as a map (empty when absent), for example
     * {@code --behaviour-weight threat_person=10,non_threat=10}. Every number must be positive.
     */
    Map<String, Double> getWeights(String name) {
        String value = values.get(name);
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        if (value == null) {
            return weights;
        }
        for (String pair : value.split(",", -1)) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("option --" + name + " takes key=number pairs separated by commas, not '"
                        + value + "'");
            }
            double w;
            try {
                w = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option --" + name + ": the weight of " + kv[0].strip()
                        + " must be a number, not '" + kv[1] + "'");
            }
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("option --" + name + ": the weight of " + kv[0].strip()
                        + " must be positive, not " + kv[1].strip());
            }
            weights.put(kv[0].strip(), w);
        }
        return weights;
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
