package dev.safespeak.signoff.ui;

import dev.safespeak.base.Times;
import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.ui.LiveRefresh;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseSummary;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.signoff.ApprovalState;
import dev.safespeak.signoff.ExecutivePanelContributor;
import dev.safespeak.signoff.GoNoGo;
import dev.safespeak.signoff.GoNoGoDecision;
import dev.safespeak.signoff.SignOffPhase;
import dev.safespeak.signoff.SignOffRecord;
import dev.safespeak.signoff.SignOffService;
import dev.safespeak.signoff.SignOffSlot;
import dev.safespeak.signoff.SlotState;
import dev.safespeak.signoff.SlotStatus;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;

/**
 * The executive sign-off page: a release's readiness, its sign-off chain, the contributed panels (success
 * criteria), the computed approval and the signed-in user's sign/reject and go/no-go actions.
 */
@Route("executive")
@Menu(title = "Executive sign-off", order = 20)
@PermitAll
class ExecutiveView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.executive"));
    }


    private final SignOffService service;
    private final List<ExecutivePanelContributor> contributors;

    final ComboBox<ReleaseView> release = new ComboBox<>(Messages.get("executive.release"));
    final Div content = new Div();
    Long releaseId;

    /** The page re-reads the release every this many seconds while it is open (the evidence sampling interval). */
    private final int refreshSeconds;
    final Span asOf = new Span();
    private final java.time.Clock clock;

    ExecutiveView(SignOffService service, List<ExecutivePanelContributor> contributors,
                  @org.springframework.beans.factory.annotation.Value(
                          "${safespeak.evidence.sample-interval-seconds:10}") int refreshSeconds,
                  java.time.Clock clock) {
        this.service = service;
        this.contributors = contributors;
        this.refreshSeconds = refreshSeconds;
        this.clock = clock;
        LiveRefresh.whileAttached(this, refreshSeconds, this::refresh);
        setWidthFull();
        add(new H2(Messages.get("executive.title")));
        asOf.setId("executive-as-of");
        asOf.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(asOf);
        release.setId("release-picker");
        // The field shows the release's name only, so it fits a phone; the go-live date is its helper text.
        release.setItemLabelGenerator(r -> r.name() + " " + r.version());
        release.setWidthFull();
        release.setMaxWidth("28em");
        release.setItems(service.releases());
        release.addValueChangeListener(e -> {
            release.setHelperText(e.getValue() == null ? null
                    : Messages.get("executive.go-live", Messages.date(e.getValue().goLiveDate())));
            if (e.isFromClient() || e.getValue() != null) {
                show(e.getValue() == null ? null : e.getValue().id());
            }
        });
        content.setWidthFull();
        add(release, content);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long parameter) {
        if (parameter != null) {
            release.getListDataView().getItems().filter(r -> r.id() == parameter).findFirst()
                    .ifPresentOrElse(release::setValue, () -> show(null));
        } else if (release.getValue() == null) {
            release.getListDataView().getItems().findFirst().ifPresent(release::setValue);
        }
    }

    /** Rebuilds the page for release {@code id}, or an empty hint when none is picked. */
    void show(Long id) {
        releaseId = id;
        content.removeAll();
        asOf.setText(LiveRefresh.asOf(clock, refreshSeconds));
        if (id == null) {
            content.add(new Paragraph(Messages.get("executive.pick")));
            return;
        }
        // A dashboard read top-down: the verdict with its counts (each a link to what it counts), the sign-off chain
        // as steps, the contributed panels (success criteria), then readiness in detail and the go/no-go decision.
        ReleaseSummary summary = service.readiness(id);
        List<SlotState> slots = service.chain(id);
        ApprovalState approval = service.approval(id);
        Component chain = chain(slots);
        Component readiness = readiness(summary);
        List<Component> gatePanels = contributors.stream().filter(ExecutivePanelContributor::explainsGates)
                .map(c -> c.panel(id)).toList();
        List<GoNoGoDecision> decisions = service.decisions(id);
        Component goNoGo = goNoGo(decisions);
        content.add(verdict(approval, summary, slots, chain, readiness,
                gatePanels.isEmpty() ? null : gatePanels.get(0), decisions, goNoGo));
        content.add(chain);
        gatePanels.forEach(content::add);
        content.add(readiness);
        content.add(goNoGo);
        contributors.stream().filter(c -> !c.explainsGates()).forEach(c -> content.add(c.panel(id)));
    }

    void refresh() {
        show(releaseId);
    }

    private Component readiness(ReleaseSummary summary) {
        VerticalLayout box = section("readiness", Messages.get("executive.readiness"));
        box.add(progressRow(Messages.get("executive.overall"), summary.progress().fraction(),
                Messages.get("executive.done", summary.progress().closed(), summary.progress().total(),
                        summary.progress().percent())));
        for (ReleaseSummary.PhaseProgress phase : summary.phases()) {
            box.add(progressRow(Messages.get("executive.phase", phase.phase(), phase.window().label()),
                    phase.progress().fraction(), Messages.get("executive.done", phase.progress().closed(),
                            phase.progress().total(), phase.progress().percent())));
        }
        Span open = new Span(Messages.get("executive.required-open", summary.requiredOpen()));
        open.setId("required-open");
        box.add(open);
        box.add(itemList("blocked", Messages.get("executive.blockers"), summary.blocked()));
        box.add(itemList("overdue", Messages.get("executive.overdue"), summary.overdue()));
        if (!summary.regressed().isEmpty()) {
            box.add(itemList("regressed", Messages.get("executive.regressed"), summary.regressed()));
        }
        return box;
    }

    private static Component progressRow(String label, double fraction, String text) {
        ProgressBar bar = new ProgressBar(0, 1, fraction);
        bar.setWidth("12em");
        Span name = new Span(label);
        name.setWidth("22em");
        HorizontalLayout row = new HorizontalLayout(name, bar, new Span(text));
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    private static Component itemList(String id, String title, List<ItemView> items) {
        Div box = new Div();
        box.setId(id);
        box.add(new Span(Messages.get("executive.item-count", title, items.size())));
        if (!items.isEmpty()) {
            UnorderedList list = new UnorderedList();
            items.stream().limit(20).forEach(i -> list.add(new ListItem(i.reason() == null
                    ? Messages.get("executive.item", i.label(), i.owner().displayName(), Messages.date(i.dueDate()))
                    : Messages.get("executive.item-reason", i.label(), i.owner().displayName(), i.reason(),
                            Messages.date(i.dueDate())))));
            box.add(list);
        }
        return box;
    }

    private Component chain(List<SlotState> chain) {
        VerticalLayout box = section("chain", Messages.get("executive.chain"));
        box.add(stepper(chain));
        Set<SignOffSlot> mine = service.mySlots();
        for (SignOffPhase phase : SignOffPhase.values()) {
            box.add(new H3(phase.displayName()));
            chain.stream().filter(s -> s.slot().phase() == phase).forEach(s -> box.add(slotRow(s, mine)));
        }
        return box;
    }

    /**
     * The chain's three phases as steps: done (every slot signed), the current one (the first that is not done), and
     * those waiting for it; a rejection in a phase shows on its step.
     */
    private static Component stepper(List<SlotState> chain) {
        HorizontalLayout steps = new HorizontalLayout();
        steps.setId("chain-steps");
        steps.getStyle().set("margin", "var(--lumo-space-s) 0");
        steps.setWrap(true);
        steps.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        boolean reached = false;
        int number = 1;
        for (SignOffPhase phase : SignOffPhase.values()) {
            List<SlotState> slots = chain.stream().filter(s -> s.slot().phase() == phase).toList();
            long signed = slots.stream().filter(s -> s.status() == SlotStatus.SIGNED).count();
            boolean rejected = slots.stream().anyMatch(s -> s.status() == SlotStatus.REJECTED);
            boolean done = signed == slots.size();
            String state = done ? "done" : rejected ? "rejected" : !reached ? "current" : "waiting";
            if (!done) {
                reached = true;
            }
            if (number > 1) {
                Span arrow = new Span("→");
                arrow.addClassName("chain-arrow");
                arrow.getStyle().set("color", "var(--lumo-secondary-text-color)");
                arrow.getElement().setAttribute("aria-hidden", "true");
                steps.add(arrow);
            }
            String mark = done ? "✓" : String.valueOf(number);
            Span step = new Span(rejected ? Messages.get("executive.step-rejected", mark, phase.displayName(), signed,
                    slots.size()) : Messages.get("executive.step", mark, phase.displayName(), signed, slots.size()));
            step.setId("step-" + phase.name());
            step.getElement().setAttribute("data-state", state);
            step.getElement().getThemeList().add("badge pill");
            switch (state) {
                case "done" -> step.getElement().getThemeList().add("success");
                case "rejected" -> step.getElement().getThemeList().add("error");
                case "current" -> step.getElement().getThemeList().add("primary");
                default -> step.getElement().getThemeList().add("contrast");
            }
            steps.add(step);
            number++;
        }
        return steps;
    }

    private Component slotRow(SlotState state, Set<SignOffSlot> mine) {
        // The name is a fixed column and the status with the actions fills the rest, so every row's badge starts at
        // the same x; a long "Signed by ... at ...: comment" wraps inside that column, and on a phone the column goes
        // below the name and wraps within the screen.
        Span name = new Span(state.slot().displayName());
        name.setWidth("16em");
        name.setMaxWidth("100%");
        name.getStyle().set("flex-shrink", "0");
        Span status = new Span(statusText(state));
        status.setId("slot-" + state.slot().name());
        status.getElement().getThemeList().add("badge");
        status.setMaxWidth("100%");
        status.getStyle().set("white-space", "normal").set("min-width", "0");
        switch (state.status()) {
            case SIGNED -> status.getElement().getThemeList().add("success");
            case REJECTED -> status.getElement().getThemeList().add("error");
            case PENDING -> {
                if (state.lastInvalidated().isPresent()) {
                    status.getElement().getThemeList().add("contrast");
                }
            }
        }
        HorizontalLayout rest = new HorizontalLayout(status);
        rest.addClassName("slot-status");
        rest.setWrap(true);
        rest.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        rest.getStyle().set("flex", "1 1 10em").set("min-width", "0");
        HorizontalLayout row = new HorizontalLayout(name, rest);
        row.addClassName("slot-row");
        row.setWidthFull();
        row.setWrap(true);
        // Wrapped on a phone, the badge sits right under its own name, clearly apart from the next row's name.
        row.getStyle().set("row-gap", "var(--lumo-space-xs)").set("padding-bottom", "var(--lumo-space-xs)");
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (mine.contains(state.slot())) {
            if (state.status() != SlotStatus.SIGNED) {
                Button sign = new Button(state.slot().phase() == SignOffPhase.FINAL
                        ? Messages.get("executive.approve") : Messages.get("executive.sign-off"),
                        e -> new SignOffDialog(service, releaseId, state.slot(), true, this::refresh).open());
                sign.setId("sign-" + state.slot().name());
                sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                rest.add(sign);
                // Not offered and refused after the password: shown disabled with the reason.
                service.signOffRefusal(releaseId, state.slot()).ifPresent(reason -> {
                    sign.setEnabled(false);
                    Span why = new Span(reason);
                    why.setId("why-not-" + state.slot().name());
                    why.getStyle().set("font-size", "var(--lumo-font-size-s)")
                            .set("color", "var(--lumo-secondary-text-color)")
                            .set("flex", "1 1 16em").set("min-width", "0");
                    rest.add(why);
                });
            }
            if (state.status() != SlotStatus.REJECTED) {
                Button reject = new Button(Messages.get("executive.reject"),
                        e -> new SignOffDialog(service, releaseId, state.slot(), false, this::refresh).open());
                reject.setId("reject-" + state.slot().name());
                reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                rest.add(reject);
            }
        }
        return row;
    }

    static String statusText(SlotState state) {
        String text = switch (state.status()) {
            case SIGNED -> describe(true, state.current().orElseThrow());
            case REJECTED -> describe(false, state.current().orElseThrow());
            case PENDING -> Messages.get("executive.slot.pending");
        };
        if (state.status() == SlotStatus.PENDING && state.lastInvalidated().isPresent()) {
            SignOffRecord r = state.lastInvalidated().get();
            text = Messages.get("executive.slot.invalidated", text, r.username(), Times.minuteUtc(r.invalidatedAt()),
                    r.invalidationReason());
        }
        return text;
    }

    private static String describe(boolean signed, SignOffRecord r) {
        return signed ? Messages.get("executive.slot.signed", r.username(), Times.minuteUtc(r.at()), r.comment())
                : Messages.get("executive.slot.rejected", r.username(), Times.minuteUtc(r.at()), r.comment());
    }

    private Component goNoGo(List<GoNoGoDecision> decisions) {
        VerticalLayout box = section("go-no-go", Messages.get("executive.go-no-go"));
        Span latest = new Span(decisions.isEmpty() ? Messages.get("executive.no-decision")
                : describe(decisions.get(decisions.size() - 1)));
        latest.setId("go-no-go-latest");
        box.add(latest);
        if (decisions.size() > 1) {
            UnorderedList earlier = new UnorderedList();
            decisions.subList(0, decisions.size() - 1).forEach(d -> earlier.add(new ListItem(describe(d))));
            box.add(new Span(Messages.get("executive.earlier")), earlier);
        }
        if (service.mayRecordGoNoGo()) {
            Button record = new Button(Messages.get("executive.record"),
                    e -> new GoNoGoDialog(service, releaseId, this::refresh).open());
            record.setId("record-go-no-go");
            box.add(record);
        }
        return box;
    }

    private static String describe(GoNoGoDecision d) {
        String date = Messages.date(d.meetingDate());
        return d.notes().isEmpty()
                ? Messages.get("executive.decision", Messages.label(d.decision()), date, d.attendees(), d.recordedBy())
                : Messages.get("executive.decision-notes", Messages.label(d.decision()), date, d.attendees(),
                        d.notes(), d.recordedBy());
    }

    /**
     * The verdict at the top: approved or not, and when not, how many blockers, open required items, missing sign-offs
     * and failing criteria stand in the way, and whether the go/no-go decision does (none yet, or the latest is NO-GO),
     * each a link to where the page (or the board) lists them.
     */
    private Component verdict(ApprovalState state, ReleaseSummary summary, List<SlotState> slots, Component chain,
                              Component readiness, Component criteria, List<GoNoGoDecision> decisions,
                              Component goNoGo) {
        VerticalLayout box = section("approval", null);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-m)");
        Span verdict = new Span(state.approved() ? Messages.get("executive.approved")
                : Messages.get("executive.not-approved"));
        verdict.setId("approval-state");
        verdict.getElement().getThemeList().add("badge");
        verdict.getElement().getThemeList().add(state.approved() ? "success" : "error");
        verdict.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        box.add(verdict);
        long missing = slots.stream().filter(s -> s.status() != SlotStatus.SIGNED).count();
        HorizontalLayout counts = new HorizontalLayout();
        counts.setId("verdict-counts");
        counts.setWrap(true);
        Component blockers = readiness.getChildren().filter(c -> c.getId().filter("blocked"::equals).isPresent())
                .findFirst().orElse(readiness);
        counts.add(countLink("count-blockers", Messages.get("executive.count.blockers", summary.blocked().size()),
                blockers::scrollIntoView));
        Anchor open = new Anchor("releases/" + releaseId, Messages.get("executive.count.open", summary.requiredOpen()));
        open.setId("count-open");
        counts.add(open);
        counts.add(countLink("count-missing", Messages.get("executive.count.missing", missing), chain::scrollIntoView));
        if (criteria != null) {
            counts.add(countLink("count-failing", Messages.get("executive.count.failing", state.gateReasons().size()),
                    criteria::scrollIntoView));
        }
        // the decision stands in the way too; without it a release could read "Not approved" with every count at 0
        if (decisions.isEmpty()) {
            counts.add(countLink("count-decision", Messages.get("executive.count.no-decision"), goNoGo::scrollIntoView));
        } else if (decisions.get(decisions.size() - 1).decision() != GoNoGo.GO) {
            counts.add(countLink("count-decision", Messages.get("executive.count.no-go"), goNoGo::scrollIntoView));
        }
        box.add(counts);
        if (!state.reasons().isEmpty()) {
            UnorderedList reasons = new UnorderedList();
            reasons.setId("approval-reasons");
            state.reasons().forEach(r -> reasons.add(new ListItem(r)));
            Details why = new Details(Messages.get("executive.why"), reasons);
            why.setId("approval-why");
            box.add(why);
        }
        return box;
    }

    private static Button countLink(String id, String text, Runnable go) {
        Button link = new Button(text, e -> go.run());
        link.setId(id);
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }

    private static VerticalLayout section(String id, String title) {
        VerticalLayout box = title == null ? new VerticalLayout() : new VerticalLayout(new H3(title));
        box.setId(id);
        box.setPadding(false);
        box.setSpacing(false);
        box.getStyle().set("margin-bottom", "var(--lumo-space-l)");
        return box;
    }
}
