package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.CriterionStatus;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.ReadinessCheckService;
import dev.safespeak.evidence.SuccessCriteriaService;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.golive.ItemEvidence;
import dev.safespeak.golive.ItemEvidenceProvider;
import dev.safespeak.golive.ItemView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Shows in an item's detail the newest run of every readiness check bound to the item, and the state of the
 * success criterion the item names; the checks themselves run from the item through {@code ItemCheckRunner}.
 */
@Component
public class GoliveEvidenceProvider implements ItemEvidenceProvider {

    // Looked up lazily: the release service needs this provider, and the check service needs the release service.
    private final ObjectProvider<ReadinessCheckService> checkService;
    private final ObjectProvider<SuccessCriteriaService> criteriaService;
    private final Clock clock;

    public GoliveEvidenceProvider(ObjectProvider<ReadinessCheckService> checks,
                                  ObjectProvider<SuccessCriteriaService> criteria, Clock clock) {
        this.checkService = checks;
        this.criteriaService = criteria;
        this.clock = clock;
    }

    @Override
    public List<ItemEvidence> evidenceFor(ItemView item) {
        ReadinessCheckService checks = checkService.getObject();
        SuccessCriteriaService criteria = criteriaService.getObject();
        List<ItemEvidence> result = new ArrayList<>();
        String page = " (run it with Run check below, or on /releases/" + item.releaseId() + "/evidence)";
        for (ReadinessCheck check : checks.checksForKey(item.key())) {
            result.add(checks.latest(check.name())
                    .map(r -> new ItemEvidence("Readiness check", check.name(), r.passed(), r.details() + " — by "
                            + r.triggeredBy() + ", " + r.durationMillis() + " ms" + page, r.ranAt()))
                    .orElse(new ItemEvidence("Readiness check", check.name(), null, "not run yet" + page, null)));
        }
        Optional<SuccessCriterion> criterion = SuccessCriterion.forItemKey(item.key());
        criterion.ifPresent(c -> criteria.current(item.releaseId()).stream().filter(s -> s.criterion() == c)
                .findFirst().ifPresent(s -> result.add(new ItemEvidence("Success criterion", c.itemText(),
                        s.satisfied(), describe(s), clock.instant()))));
        return result;
    }

    private static String describe(CriterionStatus s) {
        String value = s.value() == null ? "no measurement" : String.format(Locale.ROOT, "%.3f%s", s.value(),
                s.criterion().unit().isEmpty() ? "" : " " + s.criterion().unit());
        return value + (s.criterion().measurable() ? String.format(Locale.ROOT, " (threshold %.3f)", s.threshold()) : "")
                + "; " + s.basis() + (s.waiver() == null ? "" : "; waived by " + s.waiver().waivedBy() + ": "
                + s.waiver().reason());
    }
}
