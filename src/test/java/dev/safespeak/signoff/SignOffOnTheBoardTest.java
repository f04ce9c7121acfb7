package dev.safespeak.signoff;

import static dev.safespeak.signoff.SignOffTestConfig.PASSWORD;
import static dev.safespeak.signoff.SignOffTestConfig.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safespeak.golive.ReleaseItemService.Follow;
import dev.safespeak.golive.ItemStatus;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseItemService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.security.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.safespeak.evidence.internal.SuccessCriteriaGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/** The sign-off chain against the real go-live board: open items block it, an item change invalidates it. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestPasswords.class)
class SignOffOnTheBoardTest {

    /** The evidence module's real gate needs live metrics; these tests use their own gates. */
    @MockitoBean
    SuccessCriteriaGate successCriteria;

    @Autowired
    ReleaseService board;

    @Autowired
    ChecklistTemplateService checklistTemplates;

    @Autowired
    ReleaseItemService releaseItems;

    @Autowired
    SignOffService service;

    @org.junit.jupiter.api.BeforeEach
    void passTheCriteria() {
        when(successCriteria.evaluate(anyLong())).thenReturn(GateResult.pass());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long newRelease() {
        login("admin", Role.ADMIN);
        return board.createRelease("Signoff " + UUID.randomUUID(), "1.0", LocalDate.now().plusDays(14),
                checklistTemplates.defaultTemplate().id()).id();
    }

    /** Every required item closed by its owner, as the release team would on the board. */
    private void closeRequiredItems(long release) {
        for (ItemView item : board.requiredOpenItems(release)) {
            login("owner", item.owner());
            releaseItems.changeStatus(item.id(), ItemStatus.DONE, null);
        }
    }

    private void sign(long release, SignOffSlot slot) {
        login(slot.name().toLowerCase(), slot.role());
        service.signOff(release, slot, "ok", PASSWORD);
    }

    @Test
    void a_new_release_refuses_technical_sign_off_naming_as_many_open_items_as_the_board_counts() {
        long release = newRelease();
        int requiredOpen = board.summary(release).requiredOpen();
        assertThat(board.requiredOpenItems(release)).hasSize(requiredOpen);
        login("sec", Role.SECURITY_LEAD);
        assertThatThrownBy(() -> service.signOff(release, SignOffSlot.SECURITY_LEAD, "ok", PASSWORD))
                .hasMessageStartingWith(requiredOpen + " required items are still open: Infrastructure Provisioning / "
                        + "Cloud environment setup (Azure/AWS/GCP), ");
    }

    @Test
    void sign_off_authority_and_go_no_go_items_left_open_do_not_block_the_sign_offs_they_describe() {
        long release = newRelease();
        closeRequiredItems(release);
        login("viewer", Role.VIEWER);
        assertThat(board.summary(release).requiredOpen()).isZero();
        assertThat(board.findItemByKey(release, "go-no-go-meeting").orElseThrow().status())
                .isEqualTo(ItemStatus.OPEN);
        assertThat(board.findItemByKey(release, "signoff-ceo").orElseThrow().status())
                .isEqualTo(ItemStatus.OPEN);
        sign(release, SignOffSlot.SECURITY_LEAD);
        login("viewer", Role.VIEWER);
        assertThat(service.chain(release)).filteredOn(s -> s.slot() == SignOffSlot.SECURITY_LEAD)
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(SlotStatus.SIGNED));
    }

    @Test
    void every_slot_has_its_item_on_the_board_owned_by_its_role() {
        long release = newRelease();
        for (SignOffSlot slot : SignOffSlot.values()) {
            assertThat(board.findItemByKey(release, slot.itemKey())).as(slot.name())
                    .hasValueSatisfying(i -> assertThat(i.owner()).isEqualTo(slot.role()));
        }
    }

    @Autowired
    ChainOnTheBoard chainOnTheBoard;

    @Test
    void at_start_an_item_ticked_by_hand_before_it_followed_the_chain_is_set_from_the_chain() {
        long release = newRelease();
        // What an earlier version allowed: the CTO's item ticked by hand with nobody signed.
        releaseItems.followSignOff(release, "signoff-cto", () -> new Follow(ItemStatus.DONE, null), "cto");
        releaseItems.followSignOff(release, "go-no-go-meeting",
                () -> new Follow(ItemStatus.DONE, null), "product_management");
        login("viewer", Role.VIEWER);
        assertThat(board.findItemByKey(release, "signoff-cto").orElseThrow().status()).isEqualTo(ItemStatus.DONE);

        assertThat(chainOnTheBoard.syncAll()).isPositive();

        assertThat(board.findItemByKey(release, "signoff-cto").orElseThrow()).satisfies(i -> {
            assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
            assertThat(i.changedBy()).isEqualTo("system:signoff");
        });
        assertThat(board.findItemByKey(release, "go-no-go-meeting").orElseThrow().status())
                .isEqualTo(ItemStatus.OPEN);
        // An item that already says what the chain says is not touched again.
        ItemView ceo = board.findItemByKey(release, "signoff-ceo").orElseThrow();
        chainOnTheBoard.syncAll();
        assertThat(releaseItems.history(ceo.id())).isEmpty();
    }

    @Test
    void every_chain_key_is_a_slots_item_or_the_go_no_go_meeting() {
        java.util.Set<String> driven = new java.util.HashSet<>();
        for (SignOffSlot slot : SignOffSlot.values()) {
            driven.add(slot.itemKey());
        }
        driven.add(dev.safespeak.golive.ApprovalRequirement.GO_NO_GO_KEY);
        assertThat(dev.safespeak.golive.ApprovalRequirement.CHAIN_KEYS).isEqualTo(driven);
    }

    @Test
    void a_sign_off_authority_item_cannot_be_ticked_on_the_board() {
        long release = newRelease();
        ItemView cto = board.findItemByKey(release, "signoff-cto").orElseThrow();
        login("cto", Role.CTO);
        assertThatThrownBy(() -> releaseItems.changeStatus(cto.id(), ItemStatus.DONE, null))
                .hasMessageContaining("sign off on the executive page");
        login("viewer", Role.VIEWER);
        assertThat(board.findItemByKey(release, "signoff-cto").orElseThrow().status()).isEqualTo(ItemStatus.OPEN);
    }

    @Test
    void signing_off_ticks_the_slots_item_and_invalidating_the_sign_off_opens_it_again() {
        long release = newRelease();
        closeRequiredItems(release);
        sign(release, SignOffSlot.DEV_LEAD);
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board.findItemByKey(release, "signoff-dev-lead").orElseThrow()).satisfies(i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.DONE);
                    assertThat(i.reason()).startsWith("Signed off by dev_lead at ");
                    assertThat(i.changedBy()).isEqualTo("dev_lead");
                }));
        // The board's own update of the item does not count as an item change that invalidates the sign-off.
        assertThat(service.chain(release).get(0).status()).isEqualTo(SlotStatus.SIGNED);

        ItemView rollback = board.findItemByKey(release, "rollback-procedures-tested").orElseThrow();
        login("qa", rollback.owner());
        releaseItems.changeStatus(rollback.id(), ItemStatus.IN_PROGRESS, null);
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board.findItemByKey(release, "signoff-dev-lead").orElseThrow()).satisfies(i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
                    assertThat(i.reason()).startsWith("Sign-off by dev_lead invalidated at ")
                            .contains("Rollback procedures tested");
                }));
        assertThat(board.exportMarkdown(release)).contains("- [ ] Development Team Lead {#signoff-dev-lead}");
    }

    @Test
    void a_rejection_leaves_the_slots_item_open_with_the_reason() {
        long release = newRelease();
        closeRequiredItems(release);
        sign(release, SignOffSlot.QA_LEAD);
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() ->
                board.findItemByKey(release, "signoff-qa-lead").orElseThrow().status() == ItemStatus.DONE);
        login("qa_lead", Role.QA_LEAD);
        service.reject(release, SignOffSlot.QA_LEAD, "flaky tests", PASSWORD);
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board.findItemByKey(release, "signoff-qa-lead").orElseThrow()).satisfies(i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
                    assertThat(i.reason()).startsWith("Rejected by qa_lead at ").endsWith(": flaky tests");
                }));
    }

    @Test
    void the_go_no_go_meeting_item_follows_the_latest_decision() {
        long release = newRelease();
        login("ceo", Role.CEO);
        service.recordGoNoGo(release, LocalDate.now(), "All authorities", GoNoGo.GO, "Go");
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board.findItemByKey(release, "go-no-go-meeting").orElseThrow()).satisfies(i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.DONE);
                    assertThat(i.reason()).isEqualTo("GO recorded by ceo for the meeting of " + LocalDate.now());
                }));
        login("cto", Role.CTO);
        service.recordGoNoGo(release, LocalDate.now(), "All authorities", GoNoGo.NO_GO, "Not yet");
        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(board.findItemByKey(release, "go-no-go-meeting").orElseThrow()).satisfies(i -> {
                    assertThat(i.status()).isEqualTo(ItemStatus.OPEN);
                    assertThat(i.reason()).startsWith("NO-GO recorded by cto");
                }));
    }

    @Test
    void the_whole_chain_on_a_real_release_ends_approved_and_an_item_change_invalidates_it() {
        long release = newRelease();
        closeRequiredItems(release);
        SignOffSlot.itemDependent().forEach(s -> sign(release, s));
        sign(release, SignOffSlot.CTO);
        sign(release, SignOffSlot.CPO);
        sign(release, SignOffSlot.CEO);
        login("ceo", Role.CEO);
        service.recordGoNoGo(release, LocalDate.now(), "All authorities", GoNoGo.GO, "Go");
        assertThat(service.approval(release).approved()).isTrue();

        ItemView rollback = board.findItemByKey(release, "rollback-procedures-tested")
                .orElseThrow();
        login("qa", rollback.owner());
        releaseItems.changeStatus(rollback.id(), ItemStatus.IN_PROGRESS, null);

        login("viewer", Role.VIEWER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(service.chain(release)).allSatisfy(s -> assertThat(s.status())
                        .isEqualTo(SlotStatus.PENDING)));
        assertThat(service.chain(release).get(0).lastInvalidated()).hasValueSatisfying(r ->
                assertThat(r.invalidationReason()).isEqualTo("Required item \"Final Validation / Rollback "
                        + "procedures tested and documented\" changed from Done to In progress by qa"));
        assertThat(service.approval(release).reasons()).contains(
                "1 required item is still open: Final Validation / Rollback procedures tested and documented");
    }

    @Test
    void a_comment_on_an_item_does_not_invalidate_sign_offs() {
        long release = newRelease();
        closeRequiredItems(release);
        sign(release, SignOffSlot.DEV_LEAD);
        ItemView item = board.findItemByKey(release, "kubernetes-cluster").orElseThrow();
        login("dev", Role.DEV_LEAD);
        releaseItems.addComment(item.id(), "Looks fine");
        login("viewer", Role.VIEWER);
        assertThat(service.chain(release).get(0).status()).isEqualTo(SlotStatus.SIGNED);
    }
}
