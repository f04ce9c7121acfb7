package dev.safespeak.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Flink module uses the engine alone: neither Spring, Vaadin nor JPA is on its classpath. */
class ModuleClasspathTest {

    @Test
    void no_spring_vaadin_or_jpa_class_can_be_loaded() {
        for (String name : List.of("org.springframework.context.ApplicationContext",
                "org.springframework.boot.SpringApplication", "com.vaadin.flow.component.Component",
                "jakarta.persistence.Entity", "org.hibernate.Session",
                "dev.safespeak.SafeSpeakApplication", "dev.safespeak.moderation.ModerationService")) {
            assertThatThrownBy(() -> Class.forName(name, false, getClass().getClassLoader()))
                    .as(name).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void no_spring_vaadin_or_jpa_jar_is_on_the_test_classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classpath.split(File.pathSeparator))
                .map(e -> new File(e).getName().toLowerCase(Locale.ROOT)).toList();
        assertThat(entries).anyMatch(e -> e.startsWith("flink-streaming-java"));
        assertThat(entries).noneMatch(e -> e.startsWith("spring-") || e.startsWith("vaadin-")
                || e.startsWith("flow-server") || e.startsWith("hibernate-") || e.startsWith("jakarta.persistence"));
    }

    @Test
    void the_engine_is_compiled_into_the_module() throws Exception {
        assertThat(Class.forName("dev.safespeak.moderation.engine.ModerationEngine")).isNotNull();
        assertThat(getClass().getClassLoader().getResource("models/default/safespeak-model.bin")).isNotNull();
    }
}
