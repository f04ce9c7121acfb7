package dev.safespeak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    /** The engine: everything in moderation.engine and below, free of frameworks. */
    private static final DescribedPredicate<JavaClass> ENGINE_CORE = DescribedPredicate.describe(
            "are in the engine package moderation.engine",
            c -> c.getPackageName().startsWith("dev.safespeak.moderation.engine"));

    private static final ApplicationModules MODULES = ApplicationModules.of(SafeSpeakApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safespeak");

    @Test
    void training_code_is_not_in_the_production_classes() {
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().startsWith("dev.safespeak.moderation.training")))
                .as("training, benchmarks and reports live in src/training/java, outside the production jar")
                .isEmpty();
    }

    @Test
    void module_structure_is_valid() {
        MODULES.verify();
    }

    @Test
    void views_never_use_internal_types() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .check(CLASSES);
    }

    @Test
    void nothing_depends_on_rest_controllers() {
        noClasses().that().resideOutsideOfPackage("..api..")
                .should().dependOnClassesThat().resideInAPackage("..moderation.api..")
                .check(CLASSES);
    }

    @Test
    void views_are_package_private() {
        // LoginView is the exception: SecurityConfig, in the module's root package, names it as the login page
        classes().that().areAnnotatedWith(Route.class).and().doNotHaveSimpleName("LoginView")
                .should().notBePublic()
                .because("views are reached through the router, never referenced by other packages (STYLE 1)")
                .check(CLASSES);
    }

    @Test
    void the_engine_core_uses_no_spring_vaadin_or_jpa() {
        noClasses().that(ENGINE_CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "jakarta.persistence..", "org.slf4j..", "ch.qos.logback..")
                .because("the score command, the REST API and the console share one plain-Java code path (STYLE 1), "
                        + "and the Flink job compiles the same sources without a logging API (it logs through "
                        + "System.Logger; an SLF4J logger in OnnxEnvironment failed the Flink build at 34a2efa)")
                .check(CLASSES);
    }

    @Test
    void production_code_does_not_use_lingua() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.github.pemistahl..")
                .because("the jar carries the language tables the build precomputes, not Lingua (decision 099); "
                        + "only the training code and tests use Lingua's own detector")
                .check(CLASSES);
    }

    @Test
    void no_source_file_has_an_author_tag() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            List<Path> tagged = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("@" + "author");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(tagged).as("files with an author tag").isEmpty();
        }
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(MODULES, "docs/modules").writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
