package dev.safespeak.golive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.golive.internal.Checklist;
import dev.safespeak.golive.internal.ChecklistParser;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every key the golive module binds behaviour to (the go/no-go rule, demo data; default owners in OwnerMappingTest) names an item of the
 * shipped checklist, so a typo in a key or a key dropped from the template fails here rather than silently
 * unbinding (decision 011). The evidence module's bindings are checked in EvidenceServicesTest.
 */
class ItemKeyBindingsTest {

    static Set<String> shippedKeys() {
        Checklist checklist = ChecklistParser.parse(ReleaseServiceTest.seed());
        return checklist.phases().stream().flatMap(p -> p.sections().stream()).flatMap(s -> s.items().stream())
                .map(Checklist.Item::key).collect(Collectors.toSet());
    }

    @Test
    void the_go_no_go_key_and_the_demo_keys_are_in_the_shipped_checklist() {
        Set<String> shipped = shippedKeys();
        assertThat(shipped).hasSize(126);
        assertThat(shipped).contains(ApprovalRequirement.GO_NO_GO_KEY);
        assertThat(shipped).containsAll(GoliveDemoData.DEMO_STATES.stream().map(GoliveDemoData.DemoState::key)
                .toList());
    }
}
