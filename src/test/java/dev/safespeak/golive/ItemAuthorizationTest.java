package dev.safespeak.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every role against changing the first item of every section of the seed: allowed exactly when the
 * role owns the item. The expected owners are written out here, independently of the mapping code.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAuthorizationTest {

    /** Section → owner of its first item, as docs/guide/board.md documents it. */
    static final Map<String, Role> FIRST_ITEM_OWNER = new LinkedHashMap<>();

    static {
        FIRST_ITEM_OWNER.put("Infrastructure Provisioning", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Security Configuration", Role.SECURITY_LEAD);
        FIRST_ITEM_OWNER.put("Application Deployment", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Model & Data Assets", Role.DEV_LEAD);
        FIRST_ITEM_OWNER.put("Functional Testing", Role.QA_LEAD);
        FIRST_ITEM_OWNER.put("Performance Testing", Role.QA_LEAD);
        FIRST_ITEM_OWNER.put("Security Testing", Role.SECURITY_LEAD);
        FIRST_ITEM_OWNER.put("Integration Testing", Role.QA_LEAD);
        FIRST_ITEM_OWNER.put("Monitoring & Observability", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Documentation & Training", Role.DEV_LEAD); // "API documentation published ..."
        FIRST_ITEM_OWNER.put("Compliance & Audit", Role.LEGAL_COMPLIANCE);
        FIRST_ITEM_OWNER.put("Business Operations", Role.PRODUCT_MANAGEMENT);
        FIRST_ITEM_OWNER.put("Final Validation", Role.QA_LEAD);
        FIRST_ITEM_OWNER.put("Launch Execution", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Post-Launch Monitoring", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Rollback Plan", Role.DEVOPS);
        FIRST_ITEM_OWNER.put("Incident Response", Role.SECURITY_LEAD);
        FIRST_ITEM_OWNER.put("Technical Success Metrics", Role.DEVOPS); // "API availability >99.9%"
        FIRST_ITEM_OWNER.put("Business Success Metrics", Role.PRODUCT_MANAGEMENT);
        FIRST_ITEM_OWNER.put("Quality Assurance", Role.QA_LEAD);
        FIRST_ITEM_OWNER.put("Technical Sign-Off", Role.DEV_LEAD); // "Development Team Lead"
        FIRST_ITEM_OWNER.put("Business Sign-Off", Role.PRODUCT_MANAGEMENT); // "Product Management"
        FIRST_ITEM_OWNER.put("Final Approval", Role.CTO); // "Chief Technology Officer"
    }

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;

    final Map<String, Long> firstItemOfSection = new LinkedHashMap<>();

    @BeforeAll
    void createRelease() {
        ReleaseServiceTest.signIn("admin", Role.ADMIN);
        long id = service.createRelease("Authorization table", "1.0", LocalDate.of(2030, 1, 1),
                checklistTemplates.defaultTemplate().id()).id();
        SecurityContextHolder.clearContext();
        service.board(id).phases().forEach(p -> p.sections().forEach(s ->
                firstItemOfSection.put(s.name(), s.items().get(0).id())));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Map.Entry<String, Role> section : FIRST_ITEM_OWNER.entrySet()) {
                cells.add(Arguments.of(role, section.getKey(), section.getValue() == role));
            }
        }
        return cells.stream();
    }

    @Test
    void the_table_covers_every_section_of_the_seed() {
        assertThat(firstItemOfSection.keySet()).containsExactlyElementsOf(FIRST_ITEM_OWNER.keySet());
    }

    @ParameterizedTest(name = "{0} changes an item of {1}: {2}")
    @MethodSource("cells")
    void a_role_changes_an_item_only_when_it_owns_it(Role role, String section, boolean allowed) {
        long itemId = firstItemOfSection.get(section);
        assertThat(releaseItems.item(itemId).owner()).isEqualTo(FIRST_ITEM_OWNER.get(section));
        ReleaseServiceTest.signIn(role.name().toLowerCase(), role);
        ItemStatus next = releaseItems.item(itemId).status() == ItemStatus.OPEN ? ItemStatus.IN_PROGRESS : ItemStatus.OPEN;
        if (allowed && releaseItems.item(itemId).statusFollows().isPresent()) {
            // A Sign-Off Authorities item: its owner keeps its note, but its status follows the sign-off chain.
            assertThatThrownBy(() -> releaseItems.changeStatus(itemId, next, null))
                    .hasMessageContaining("is not ticked by hand");
            assertThat(releaseItems.setNote(itemId, "noted by " + role.name()).note())
                    .isEqualTo("noted by " + role.name());
        } else if (allowed) {
            assertThat(releaseItems.changeStatus(itemId, next, null).status()).isEqualTo(next);
        } else {
            assertThatThrownBy(() -> releaseItems.changeStatus(itemId, next, null))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(e -> assertThat(((BusinessException) e).code()).isEqualTo(ErrorCode.FORBIDDEN))
                    .hasMessageContaining("it is owned by " + FIRST_ITEM_OWNER.get(section).displayName());
        }
    }

    @Test
    void a_user_with_two_roles_changes_the_items_of_both() {
        ReleaseServiceTest.signIn("both", Role.DEVOPS, Role.QA_LEAD);
        assertThat(releaseItems.changeStatus(firstItemOfSection.get("Functional Testing"), ItemStatus.DONE, null)
                .status()).isEqualTo(ItemStatus.DONE);
        assertThat(releaseItems.changeStatus(firstItemOfSection.get("Rollback Plan"), ItemStatus.DONE, null)
                .status()).isEqualTo(ItemStatus.DONE);
        assertThatThrownBy(() -> releaseItems.changeStatus(firstItemOfSection.get("Final Approval"), ItemStatus.DONE, null))
                .isInstanceOf(BusinessException.class);
    }
}
