package dev.safespeak.moderation.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Locale;

/**
 * What a string of the API may contain: no NUL (PostgreSQL cannot store it in text columns and answered 500) and no
 * lone surrogate (not text; PostgreSQL silently stored it as '?'). Applied to every JSON string field by
 * {@link StrictStringDeserializer}, which also refuses numbers and booleans where a string belongs.
 */
final class ApiText {

    private ApiText() {
    }

    /** Why a string is not acceptable text, as the end of "field 'x' ..."; null when it is fine. */
    static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000), which is not allowed";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                        + "), which is not text";
            }
        }
        return null;
    }

    /** A JSON string the API refuses; the reason is completed with the field's path when the answer is written. */
    static final class NotTextException extends JsonMappingException {
        private final String reason;

        NotTextException(JsonParser parser, String reason) {
            super(parser, "string " + reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /**
     * Reads a JSON string and only a JSON string: a number or boolean where a string belongs is refused instead of
     * being turned into its text, and the string must pass {@link #problem(String)}.
     */
    static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

        StrictStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                String problem = problem(text);
                if (problem != null) {
                    throw new NotTextException(p, problem);
                }
                return text;
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
