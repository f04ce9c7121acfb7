package dev.safespeak.signoff;

import static dev.safespeak.signoff.SignOffTestConfig.PASSWORD;
import static dev.safespeak.signoff.SignOffTestConfig.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.security.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import dev.safespeak.evidence.internal.SuccessCriteriaGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every role against every action of the sign-off module: signing and rejecting each slot (the final-approval
 * slots are the "approve" actions) and recording the go/no-go decision. Each cell runs on a fresh release whose
 * prerequisites are met, so only authorization can refuse it.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(SignOffTestConfig.class)
class SignOffAuthorizationTest {

    private static final AtomicLong RELEASES = new AtomicLong(200_000);

    /** Same context as {@link SignOffServiceTest}; the evidence gate plays no part in authorization. */
    @MockitoBean
    SuccessCriteriaGate successCriteria;

    @Autowired
    SignOffService service;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    enum Act { SIGN, REJECT }

    static Stream<Arguments> slotCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Role role : Role.values()) {
            for (SignOffSlot slot : SignOffSlot.values()) {
                for (Act act : Act.values()) {
                    cells.add(Arguments.of(role, act, slot, slot.role() == role));
                }
            }
        }
        return cells.stream();
    }

    static Stream<Arguments> goNoGoCells() {
        return Stream.of(Role.values()).map(r -> Arguments.of(r, SignOffService.GO_NO_GO_ROLES.contains(r)));
    }

    @ParameterizedTest(name = "{0} {1} {2}: allowed={3}")
    @MethodSource("slotCells")
    void each_role_may_sign_or_reject_only_its_own_slot(Role role, Act act, SignOffSlot slot, boolean allowed) {
        long release = RELEASES.incrementAndGet();
        meetPrerequisites(release, slot);
        login("user-" + role.name().toLowerCase(), role);
        Runnable call = () -> {
            if (act == Act.SIGN) {
                service.signOff(release, slot, "cell", PASSWORD);
            } else {
                service.reject(release, slot, "cell", PASSWORD);
            }
        };
        if (allowed) {
            call.run();
            assertThat(service.chain(release).get(slot.ordinal()).status())
                    .isEqualTo(act == Act.SIGN ? SlotStatus.SIGNED : SlotStatus.REJECTED);
        } else {
            assertThatThrownBy(call::run).isInstanceOf(BusinessException.class)
                    .hasMessage((act == Act.SIGN ? "Signing off" : "Rejecting") + " as " + slot.displayName()
                            + " requires the role " + slot.displayName())
                    .extracting(e -> ((BusinessException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{0} records go/no-go: allowed={1}")
    @MethodSource("goNoGoCells")
    void only_cto_ceo_and_admin_record_the_go_no_go_decision(Role role, boolean allowed) {
        long release = RELEASES.incrementAndGet();
        login("user-" + role.name().toLowerCase(), role);
        Runnable call = () -> service.recordGoNoGo(release, LocalDate.of(2026, 11, 28), "everyone", GoNoGo.GO, "");
        if (allowed) {
            call.run();
            assertThat(service.decisions(release)).hasSize(1);
        } else {
            assertThatThrownBy(call::run).isInstanceOf(BusinessException.class)
                    .hasMessage("Only the CTO, the CEO or an administrator may record the go/no-go decision");
        }
    }

    /** Signs, by their own role holders, every slot that must precede {@code slot}. */
    private void meetPrerequisites(long release, SignOffSlot slot) {
        if (slot.phase() != SignOffPhase.FINAL) {
            return;
        }
        List<SignOffSlot> before = new ArrayList<>(SignOffSlot.itemDependent());
        if (slot == SignOffSlot.CEO) {
            before.add(SignOffSlot.CTO);
            before.add(SignOffSlot.CPO);
        }
        for (SignOffSlot s : before) {
            login("holder-" + s.name().toLowerCase(), s.role());
            service.signOff(release, s, "prerequisite", PASSWORD);
        }
    }
}
