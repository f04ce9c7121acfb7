package dev.safespeak.golive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.security.Role;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Default owners bind by item key (decision 011), never by wording. */
class OwnerMappingTest {

    private final OwnerMapping mapping = new OwnerMapping(Role.ADMIN);

    @Test
    void every_owner_key_names_an_item_of_the_shipped_checklist() {
        Set<String> shipped = ChecklistParser.parse(ChecklistParserTest.seed()).phases().stream()
                .flatMap(p -> p.sections().stream()).flatMap(s -> s.items().stream()).map(Checklist.Item::key)
                .collect(Collectors.toSet());
        assertThat(shipped).containsAll(OwnerMapping.BY_KEY.keySet());
    }

    @Test
    void an_item_is_owned_by_its_key_else_by_its_section_and_its_wording_does_not_matter() {
        assertThat(mapping.owner("Post-Deployment Phase", "Documentation & Training", "api-docs"))
                .isEqualTo(Role.DEV_LEAD);
        assertThat(mapping.owner("Post-Deployment Phase", "Documentation & Training", "user-onboarding"))
                .isEqualTo(Role.CUSTOMER_SUCCESS_LEAD);
        assertThat(mapping.owner("Sign-Off Authorities", "Final Approval", "signoff-cto")).isEqualTo(Role.CTO);
        // an item keyed by its old wording is not recognised: keys bind, text does not
        assertThat(mapping.owner("Post-Deployment Phase", "Documentation & Training",
                "api documentation published and accessible")).isEqualTo(Role.CUSTOMER_SUCCESS_LEAD);
        assertThat(mapping.owner("Catering", "Cake", "cake")).isEqualTo(Role.ADMIN);
    }
}
