package dev.safespeak.moderation.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read: a body with anything after its JSON value, a number or boolean where a string
 * belongs, a NUL character or a lone surrogate is a 400 that names the field, instead of being accepted (or, for
 * NUL on PostgreSQL, a 500 with a stack trace in the log).
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
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
