package dev.safespeak;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SafeSpeakApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.safespeak");

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
    void writes_the_module_documentation() {
        new Documenter(MODULES, "docs/modules").writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
