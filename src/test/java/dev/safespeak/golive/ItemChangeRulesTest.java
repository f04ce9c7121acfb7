package dev.safespeak.golive;

import static dev.safespeak.golive.ReleaseServiceTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.golive.ReleaseItemService.Follow;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The item rules a page cannot get around: the sign-off items are not ticked by hand, an admin cannot take an item
 * over to tick it, and a change made from an out-of-date page does not overwrite a newer one.
 */
@SpringBootTest
@ActiveProfiles("test")
class ItemChangeRulesTest {

    @Autowired
    ReleaseService service;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long newRelease() {
        signIn("admin", Role.ADMIN);
        long id = service.createRelease("Rules " + UUID.randomUUID(), "1.0", LocalDate.now().plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
        SecurityContextHolder.clearContext();
        return id;
    }

    ItemView item(long releaseId, String key) {
        return service.findItemByKey(releaseId, key).orElseThrow();
    }

    // ---------------------------------------------------------------- A: items the sign-off chain records

    @Test
    void the_cto_cannot_tick_the_cto_sign_off_item_by_hand() {
        long release = newRelease();
        ItemView cto = item(release, "signoff-cto");
        signIn("cto", Role.CTO);
        assertThat(releaseItems.canChange(cto)).as("note and evidence stay the owner's").isTrue();
        assertThat(releaseItems.canChangeStatus(cto)).isFalse();
        assertThatThrownBy(() -> releaseItems.changeStatus(cto.id(), ItemStatus.DONE, null))
                .isInstanceOf(BusinessException.class)
                .hasMessage("'Chief Technology Officer' is not ticked by hand. Its status follows the sign-off chain: "
                        + "sign off on the executive page.");
        assertThatThrownBy(() -> releaseItems.changeStatus(cto.id(), ItemStatus.OPEN, ItemStatus.NOT_APPLICABLE, "n/a"))
                .hasMessageContaining("not ticked by hand");
        assertThat(releaseItems.item(cto.id()).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(releaseItems.history(cto.id())).isEmpty();
    }

    @Test
    void product_management_cannot_tick_the_go_no_go_meeting_by_hand() {
        long release = newRelease();
        ItemView meeting = item(release, ApprovalRequirement.GO_NO_GO_KEY);
        signIn("pm", Role.PRODUCT_MANAGEMENT);
        assertThatThrownBy(() -> releaseItems.changeStatus(meeting.id(), ItemStatus.DONE, null))
                .hasMessage("'Go/no-go decision meeting held' is not ticked by hand. Its status follows the go/no-go "
                        + "decision: the CTO, the CEO or an administrator records it on the executive page.");
        assertThat(service.exportMarkdown(release)).contains("- [ ] Go/no-go decision meeting held");
    }

    @Test
    void the_sign_off_module_sets_the_items_it_records_and_only_those() {
        long release = newRelease();
        ItemView cto = item(release, "signoff-cto");
        ItemView done = releaseItems.followSignOff(release, "signoff-cto",
                () -> new Follow(ItemStatus.DONE, "Signed off by cto"), "cto").orElseThrow();
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        assertThat(done.changedBy()).isEqualTo("cto");
        assertThat(releaseItems.history(cto.id())).singleElement()
                .satisfies(h -> assertThat(h.after()).isEqualTo("DONE: Signed off by cto"));
        assertThat(releaseItems.followSignOff(release, "no-such-item",
                () -> new Follow(ItemStatus.DONE, null), "cto")).isEmpty();
        // A key the chain drives, put by a custom checklist in a section it does not record: left alone, not an
        // error that would make the event be handed over again forever.
        ItemStatus k8s = item(release, "kubernetes-cluster").status();
        assertThat(releaseItems.followSignOff(release, "kubernetes-cluster",
                () -> new Follow(ItemStatus.DONE, null), "cto")).isEmpty();
        assertThat(item(release, "kubernetes-cluster").status()).isEqualTo(k8s);
    }

    // ---------------------------------------------------------------- B: an admin does not tick by taking over

    @Test
    void an_admin_cannot_reassign_an_item_to_administrator_to_tick_it() {
        long release = newRelease();
        ItemView waf = item(release, "waf-rules");
        assertThat(waf.owner()).isEqualTo(Role.SECURITY_LEAD);
        signIn("admin", Role.ADMIN);
        assertThatThrownBy(() -> releaseItems.reassign(waf.id(), Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an item is owned by one of the release roles, not by Administrator: an administrator "
                        + "reassigns items but does not tick them");
        assertThatThrownBy(() -> releaseItems.changeStatus(waf.id(), ItemStatus.DONE, null))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(releaseItems.item(waf.id()).owner()).isEqualTo(Role.SECURITY_LEAD);
        assertThat(releaseItems.item(waf.id()).status()).isEqualTo(ItemStatus.OPEN);
        // Reassigning to another release role still works.
        assertThat(releaseItems.reassign(waf.id(), Role.DEVOPS).owner()).isEqualTo(Role.DEVOPS);
    }

    // ---------------------------------------------------------------- C: a change from an out-of-date page

    @Test
    void a_status_change_from_a_stale_page_is_refused_naming_who_changed_it_and_overwrites_nothing() {
        long release = newRelease();
        ItemView cdn = item(release, "cdn-configuration");
        signIn("devops2", Role.DEVOPS);
        releaseItems.changeStatus(cdn.id(), ItemStatus.OPEN, ItemStatus.DONE, null);

        signIn("devops", Role.DEVOPS);
        assertThatThrownBy(() -> releaseItems.changeStatus(cdn.id(), ItemStatus.OPEN, ItemStatus.BLOCKED, "vendor"))
                .isInstanceOf(ItemChangedMeanwhile.class)
                .satisfies(e -> assertThat(((BusinessException) e).code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageStartingWith("'" + cdn.text() + "' changed while you were looking at it: devops2 set its "
                        + "status to Done at ")
                .hasMessageEndingWith(". Nothing was changed; the item now shows its current state.");
        assertThat(releaseItems.item(cdn.id()).status()).isEqualTo(ItemStatus.DONE);
        assertThat(releaseItems.item(cdn.id()).changedBy()).isEqualTo("devops2");
        // From the current status it goes through.
        assertThat(releaseItems.changeStatus(cdn.id(), ItemStatus.DONE, ItemStatus.BLOCKED, "vendor").status())
                .isEqualTo(ItemStatus.BLOCKED);
    }

    @Test
    void a_note_or_evidence_saved_from_a_stale_page_is_refused_and_overwrites_nothing() {
        long release = newRelease();
        ItemView k8s = item(release, "kubernetes-cluster");
        signIn("devops2", Role.DEVOPS);
        releaseItems.setNote(k8s.id(), null, "three node pools");
        releaseItems.attachEvidence(k8s.id(), new ReleaseItemService.Evidence(null, null), "https://ci.example/1",
                "plan");

        signIn("devops", Role.DEVOPS);
        assertThatThrownBy(() -> releaseItems.setNote(k8s.id(), "", "two pools"))
                .isInstanceOf(ItemChangedMeanwhile.class)
                .hasMessageContaining("devops2 set its note to 'three node pools' at ");
        assertThatThrownBy(() -> releaseItems.attachEvidence(k8s.id(), new ReleaseItemService.Evidence("", ""),
                "https://ci.example/2", null))
                .isInstanceOf(ItemChangedMeanwhile.class)
                .hasMessageContaining("devops2 set its evidence to 'https://ci.example/1 (plan)' at ");
        ItemView now = releaseItems.item(k8s.id());
        assertThat(now.note()).isEqualTo("three node pools");
        assertThat(now.evidenceLink()).isEqualTo("https://ci.example/1");

        assertThat(releaseItems.setNote(k8s.id(), "three node pools", "two pools").note()).isEqualTo("two pools");
        assertThat(releaseItems.attachEvidence(k8s.id(), new ReleaseItemService.Evidence("https://ci.example/1",
                "plan"), "https://ci.example/2", null).evidenceLink()).isEqualTo("https://ci.example/2");
    }

    @Test
    void an_owner_change_from_a_stale_page_is_refused() {
        long release = newRelease();
        ItemView k8s = item(release, "kubernetes-cluster");
        signIn("admin2", Role.ADMIN);
        releaseItems.reassign(k8s.id(), Role.DEVOPS, Role.QA_LEAD);
        signIn("admin", Role.ADMIN);
        assertThatThrownBy(() -> releaseItems.reassign(k8s.id(), Role.DEVOPS, Role.DEV_LEAD))
                .isInstanceOf(ItemChangedMeanwhile.class)
                .hasMessageContaining("admin2 set its owner to QA/Test Engineering Lead at ");
        assertThat(releaseItems.item(k8s.id()).owner()).isEqualTo(Role.QA_LEAD);
    }
}
