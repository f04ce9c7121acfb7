package dev.safespeak.moderation.api;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read: a body with anything after its JSON value, a number or boolean where a string
 * belongs, a string or number where a boolean belongs, a string where a number belongs, a NUL character or a lone
 * surrogate is a 400 that names the field, instead of being accepted (or, for NUL on PostgreSQL, a 500 with a stack
 * trace in the log). Field names without quotes ({@code {comment: {text: "..."}}}) are read, as Google's JSON parser
 * reads them: Perspective's own cURL quickstart sends them.
 */
@Configuration
class ApiJsonConfig {

    @Bean
    Module apiStrictStrings() {
        return new SimpleModule("safespeak-strict-strings").addDeserializer(String.class,
                new ApiText.StrictStringDeserializer());
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer apiStrictJson() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES.mappedFeature())
                .postConfigurer(ApiJsonConfig::strictScalars);
    }

    /**
     * A boolean must be true or false and a number a JSON number: Jackson would otherwise take {@code "doNotStore": 0}
     * or {@code "false"} as false (a request to store the text), {@code "spans": "true"} as true and a threshold
     * {@code "0.5"} as 0.5, and cut {@code 1.5} down to 1 where a whole number belongs.
     */
    static void strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
}
