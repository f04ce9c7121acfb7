package dev.safespeak.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.signoff.ApprovalState;
import dev.safespeak.signoff.GoNoGoDecision;
import dev.safespeak.signoff.SignOffRecord;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SlotState;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release report an auditor keeps: the checklist state, the sign-off chain and its history, the go/no-go
 * decisions, the computed approval and the release's audit trail with the chain's verification, as Markdown or
 * JSON. Readable by the audit trail's readers only.
 */
@Service
public class ReleaseReportService {

    private final ReleaseService releases;
    private final SignOffService signOffs;
    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;

    ReleaseReportService(ReleaseService releases, SignOffService signOffs, AuditService audit, ObjectMapper json,
                         Clock clock) {
        this.releases = releases;
        this.signOffs = signOffs;
        this.audit = audit;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.clock = clock;
    }

    /** The releases a report can be made for. */
    public List<ReleaseView> releases() {
        CurrentUser.require();
        return releases.releases();
    }

    /** Whether the signed-in user may download release reports. */
    public boolean mayExport() {
        return audit.mayRead();
    }

    /** Everything the report holds, gathered at one moment. */
    public record ReleaseReport(Instant generatedAt, String generatedBy, ReleaseView release, List<ItemView> items,
                                List<SlotState> chain, List<SignOffRecord> signOffHistory,
                                List<GoNoGoDecision> decisions, ApprovalState approval, List<AuditEntry> auditTrail,
                                AuditVerification verification) {
    }

    @Transactional(readOnly = true)
    public ReleaseReport report(long releaseId) {
        List<AuditEntry> trail = audit.trailOf(releaseId);
        CurrentUser user = CurrentUser.require();
        return new ReleaseReport(clock.instant(), user.username(), releases.release(releaseId),
                releases.items(releaseId), signOffs.chain(releaseId), signOffs.history(releaseId),
                signOffs.decisions(releaseId), signOffs.approval(releaseId), trail, audit.verify());
    }

    /** The report as pretty-printed JSON. */
    public String json(long releaseId) {
        ReleaseReport report = report(releaseId);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", report.generatedAt());
        root.put("generatedBy", report.generatedBy());
        root.put("release", report.release());
        root.put("approval", report.approval());
        root.put("goNoGoDecisions", report.decisions());
        root.put("signOffChain", report.chain());
        root.put("signOffHistory", report.signOffHistory());
        root.put("checklist", report.items());
        root.put("auditTrail", report.auditTrail());
        root.put("auditVerification", Map.of("intact", report.verification().intact(),
                "entriesChecked", report.verification().entriesChecked(),
                "summary", report.verification().summary()));
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the release report could not be written as JSON", e);
        }
    }

    /** The report as Markdown. */
    public String markdown(long releaseId) {
        ReleaseReport r = report(releaseId);
        StringBuilder md = new StringBuilder();
        ReleaseView release = r.release();
        md.append("# Release report: ").append(cell(release.name())).append(' ').append(cell(release.version()))
                .append("\n\n");
        md.append("- Go-live date: ").append(release.goLiveDate()).append('\n');
        md.append("- Generated: ").append(r.generatedAt()).append(" by ").append(r.generatedBy()).append('\n');
        md.append("- Checklist progress: ").append(release.progress()).append(" (")
                .append(release.progress().percent()).append("%)\n");
        md.append("- **").append(r.approval().approved() ? "Approved for go-live" : "Not approved for go-live")
                .append("**\n");
        r.approval().reasons().forEach(reason -> md.append("  - ").append(cell(reason)).append('\n'));
        md.append("- Audit trail: ").append(r.verification().summary()).append("\n\n");

        md.append("## Go/no-go decisions\n\n");
        if (r.decisions().isEmpty()) {
            md.append("None recorded.\n\n");
        } else {
            md.append("| Meeting | Decision | Attendees | Notes | Recorded by | Recorded at |\n");
            md.append("|---|---|---|---|---|---|\n");
            r.decisions().forEach(d -> md.append("| ").append(d.meetingDate()).append(" | ")
                    .append(d.decision()).append(" | ").append(cell(d.attendees())).append(" | ")
                    .append(cell(d.notes())).append(" | ").append(cell(d.recordedBy())).append(" | ")
                    .append(d.recordedAt()).append(" |\n"));
            md.append('\n');
        }

        md.append("## Sign-off chain\n\n| Phase | Role | State | By | At | Comment |\n|---|---|---|---|---|---|\n");
        for (SlotState s : r.chain()) {
            md.append("| ").append(s.slot().phase().displayName()).append(" | ").append(s.slot().displayName())
                    .append(" | ").append(s.status());
            s.current().ifPresentOrElse(c -> md.append(" | ").append(cell(c.username())).append(" | ")
                    .append(c.at()).append(" | ").append(cell(c.comment())).append(" |\n"),
                    () -> md.append(" |  |  |  |\n"));
        }
        md.append("\n## Sign-off history\n\n");
        if (r.signOffHistory().isEmpty()) {
            md.append("Nothing signed or rejected yet.\n\n");
        } else {
            md.append("| At | Role | Act | By | Comment | Invalidated |\n|---|---|---|---|---|---|\n");
            r.signOffHistory().forEach(h -> md.append("| ").append(h.at()).append(" | ")
                    .append(h.slot().displayName()).append(" | ").append(h.decision()).append(" | ")
                    .append(cell(h.username())).append(" | ").append(cell(h.comment())).append(" | ")
                    .append(h.invalidated() ? h.invalidatedAt() + ": " + cell(h.invalidationReason()) : "")
                    .append(" |\n"));
            md.append('\n');
        }

        md.append("## Checklist\n\n| Phase | Section | Item | Owner | Status | Changed by | Changed at | Evidence |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ItemView i : r.items()) {
            md.append("| ").append(cell(i.phase())).append(" | ").append(cell(i.section())).append(" | ")
                    .append(cell(i.text())).append(" | ").append(i.owner().displayName()).append(" | ")
                    .append(i.status().label()).append(i.reason() == null ? "" : ": " + cell(i.reason()))
                    .append(i.regressed() ? " (regressed)" : "").append(" | ")
                    .append(i.changedBy() == null ? "" : cell(i.changedBy())).append(" | ")
                    .append(i.changedAt() == null ? "" : i.changedAt()).append(" | ")
                    .append(i.evidenceLink() == null ? "" : cell(i.evidenceLink())).append(" |\n");
        }

        md.append("\n## Audit trail\n\n").append(r.verification().summary()).append("\n\n");
        md.append("| # | Time | Actor | Action | Subject | Before | After | Hash |\n|---|---|---|---|---|---|---|---|\n");
        r.auditTrail().forEach(e -> md.append("| ").append(e.seq()).append(" | ").append(e.occurredAt())
                .append(" | ").append(cell(e.actor())).append(" | ").append(cell(e.action())).append(" | ")
                .append(cell(e.subject())).append(" | ").append(cell(e.before())).append(" | ")
                .append(cell(e.after())).append(" | ").append(e.hash(), 0, 12).append(" |\n"));
        return md.toString();
    }

    /**
     * Text made safe for one Markdown table cell: users' words (item texts, comments, reasons) show as written and
     * never as markup, so HTML in them is written as entities, which a Markdown viewer that passes HTML through
     * shows as text instead of running it.
     */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\")
                .replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
