package dev.safespeak.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Whether the success criteria allow approval for go-live, and why not. */
public record GateVerdict(boolean passing, List<String> reasons) {

    public GateVerdict {
        reasons = List.copyOf(reasons);
    }

    /** The gate's rule: every criterion passes or is waived; each failing, unwaived criterion is one reason. */
    public static GateVerdict of(List<CriterionStatus> statuses) {
        List<String> reasons = new ArrayList<>();
        for (CriterionStatus s : statuses) {
            if (s.satisfied()) {
                continue;
            }
            String value = s.value() == null ? "no measurement"
                    : String.format(Locale.ROOT, "%.3f%s", s.value(), s.criterion().unit());
            reasons.add("Success criterion '" + s.criterion().itemText() + "' is not met (" + value + "; "
                    + s.basis() + ") and not waived by the CTO");
        }
        return new GateVerdict(reasons.isEmpty(), reasons);
    }
}
