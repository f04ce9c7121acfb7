package dev.safespeak.moderation.ui;

import dev.safespeak.moderation.DetectedLanguage;
import dev.safespeak.base.ui.Messages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.LabelledSetEvaluation;
import dev.safespeak.moderation.LabelledSetEvaluator;
import dev.safespeak.moderation.ListMatch.ListKind;
import dev.safespeak.moderation.Mode;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TenantListEntry;
import dev.safespeak.moderation.TenantListStore;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The test console for trust-and-safety staff: score a pasted text in a mode (fast, accurate, balanced, or fast and
 * accurate side by side) and optionally with two model versions side by side, evaluate a labelled CSV, and manage a
 * tenant's block and allow lists.
 */
@Route("console")
@Menu(title = "Test console", order = 40)
@RolesAllowed({Roles.ADMIN, Roles.QA_LEAD, Roles.CUSTOMER_SUCCESS_LEAD, Roles.DEV_LEAD, Roles.PRODUCT_MANAGEMENT})
class ConsoleView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.console"));
    }

    static final String ACTIVE = "(active model)";
    static final String NONE = "(no comparison)";
    /** The mode picker's choice that scores in fast and in accurate mode side by side. */
    static final String FAST_VS_ACCURATE = "fast-vs-accurate";

    private final ModerationService engine;
    private final LabelledSetEvaluator evaluator;
    private final TenantListStore lists;

    final TextArea text = new TextArea(Messages.get("console.text"));
    final ComboBox<String> modelA = new ComboBox<>(Messages.get("console.model"));
    final ComboBox<String> modelB = new ComboBox<>(Messages.get("console.compare"));
    final Select<String> mode = new Select<>();
    final NumberField threshold = new NumberField(Messages.get("console.threshold"));
    final Button score = new Button(Messages.get("console.score"));
    final HorizontalLayout results = new HorizontalLayout();
    final Div evaluation = new Div();
    final Upload upload;
    final TextField tenant = new TextField(Messages.get("console.tenant"));
    final Select<ListKind> kind = new Select<>();
    final TextField term = new TextField(Messages.get("console.term"));
    final ComboBox<Attribute> attribute = new ComboBox<>(Messages.get("console.forces-attribute"));
    final Button add = new Button(Messages.get("console.add"));
    final Grid<TenantListEntry> terms = new Grid<>();
    final TabSheet tabs = new TabSheet();

    ConsoleView(ModerationService engine, LabelledSetEvaluator evaluator, TenantListStore lists) {
        this.engine = engine;
        this.evaluator = evaluator;
        this.lists = lists;
        setSizeFull();
        add(new H2(Messages.get("console.title")));

        text.setId("console-text");
        text.setWidthFull();
        text.setMaxLength(20 * 1024);
        text.setPlaceholder(Messages.get("console.placeholder"));
        List<String> registered = registeredVersions();
        List<String> choicesA = new ArrayList<>(List.of(ACTIVE));
        choicesA.addAll(registered);
        modelA.setItems(choicesA);
        modelA.setValue(ACTIVE);
        modelA.setAllowCustomValue(false);
        List<String> choicesB = new ArrayList<>(List.of(NONE, ACTIVE));
        choicesB.addAll(registered);
        modelB.setItems(choicesB);
        modelB.setValue(NONE);
        modelB.setAllowCustomValue(false);
        modelB.setHelperText(registered.size() < 2 ? Messages.get("console.one-version")
                : Messages.get("console.versions", registered.size()));
        mode.setId("console-mode");
        mode.setLabel(Messages.get("console.mode"));
        mode.setItems(Mode.FAST.id(), Mode.ACCURATE.id(), Mode.BALANCED.id(), FAST_VS_ACCURATE);
        mode.setItemLabelGenerator(ConsoleView::modeLabel);
        mode.setValue(engine.defaultMode() == null ? Mode.FAST.id() : engine.defaultMode().id());
        // Empty by default: each attribute's own threshold of the engine, as API clients get; a value overrides all.
        threshold.setPlaceholder(Messages.get("console.threshold-engine"));
        threshold.setHelperText(Messages.get("console.threshold-help"));
        threshold.setClearButtonVisible(true);
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.05);
        score.setId("console-score");
        score.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        score.addClickListener(e -> scoreText());
        results.setId("console-results");
        results.setWidthFull();
        VerticalLayout tryTab = new VerticalLayout(text, new HorizontalLayout(modelA, modelB, mode, threshold), score,
                results);

        MemoryBuffer buffer = new MemoryBuffer();
        upload = new Upload(buffer);
        upload.setId("console-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.addSucceededListener(e -> {
            try (Reader reader = new InputStreamReader(buffer.getInputStream(), StandardCharsets.UTF_8)) {
                showEvaluation(evaluator.evaluate(reader, version(modelA.getValue())));
            } catch (IllegalArgumentException | BusinessException ex) {
                error(ex.getMessage());
            } catch (java.io.IOException ex) {
                error(Messages.get("console.unreadable"));
            }
        });
        evaluation.setId("console-evaluation");
        VerticalLayout csvTab = new VerticalLayout(new Paragraph(Messages.get("console.csv-help")), upload, evaluation);

        tenant.setValue("default");
        kind.setLabel(Messages.get("console.list"));
        kind.setItems(ListKind.BLOCK, ListKind.ALLOW);
        kind.setItemLabelGenerator(Messages::label);
        kind.setValue(ListKind.BLOCK);
        attribute.setItems(Attribute.values());
        attribute.setValue(Attribute.TOXICITY);
        term.setId("console-term");
        add.setId("console-add");
        add.addClickListener(e -> addTerm());
        tenant.addValueChangeListener(e -> refreshTerms());
        kind.addValueChangeListener(e -> {
            attribute.setEnabled(e.getValue() == ListKind.BLOCK);
            refreshTerms();
        });
        terms.addColumn(TenantListEntry::term).setHeader(Messages.get("console.term"));
        terms.addColumn(e -> e.attribute() == null ? Messages.get("console.all-attributes") : e.attribute().name())
                .setHeader(Messages.get("console.attribute"));
        terms.addColumn(TenantListEntry::createdBy).setHeader(Messages.get("console.added-by"));
        terms.addColumn(e -> Messages.dateTime(e.createdAt())).setHeader(Messages.get("console.added-at"));
        terms.addComponentColumn(e -> new Button(Messages.get("console.remove"), click -> removeTerm(e))).setHeader("");
        VerticalLayout listsTab = new VerticalLayout(new HorizontalLayout(tenant, kind), new HorizontalLayout(term,
                attribute, add), terms);

        tabs.setWidthFull();
        tabs.add(Messages.get("console.tab.try"), tryTab);
        tabs.add(Messages.get("console.tab.csv"), csvTab);
        tabs.add(Messages.get("console.tab.lists"), listsTab);
        add(tabs);
        refreshTerms();
    }

    void scoreText() {
        results.removeAll();
        String value = text.getValue();
        if (value == null || value.isBlank()) {
            // The engine's own words ("text 1 is empty") are for API clients; here there is one box to fill in.
            error(Messages.get("console.empty"));
            return;
        }
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        if (threshold.getValue() != null) {
            for (Attribute a : Attribute.values()) {
                thresholds.put(a, threshold.getValue());
            }
        }
        List<String> versions = new ArrayList<>();
        versions.add(modelA.getValue());
        if (modelB.getValue() != null && !NONE.equals(modelB.getValue())) {
            versions.add(modelB.getValue());
        }
        boolean compareModes = FAST_VS_ACCURATE.equals(mode.getValue());
        List<Mode> modes = compareModes ? List.of(Mode.FAST, Mode.ACCURATE)
                : List.of(Mode.parse(mode.getValue() == null ? Mode.FAST.id() : mode.getValue()));
        for (String version : versions) {
            for (Mode m : modes) {
                try {
                    long start = System.nanoTime();
                    ModerationResult result = engine.moderate(new ModerationRequest(List.of(value), Set.of(),
                            List.of(), true, thresholds, tenant.getValue(), version(version), m));
                    double millis = (System.nanoTime() - start) / 1e6;
                    results.add(column(value, result, m, millis));
                } catch (BusinessException ex) {
                    if (!compareModes || m == Mode.FAST) {
                        error(ex.getMessage());
                        return;
                    }
                    // Side by side, an accurate engine that cannot load leaves the fast column standing.
                    results.add(unavailable(version, m, ex.getMessage()));
                } catch (IllegalArgumentException ex) {
                    error(ex.getMessage());
                    return;
                }
            }
        }
    }

    private static Component unavailable(String version, Mode m, String reason) {
        VerticalLayout column = new VerticalLayout();
        column.addClassName("console-column");
        column.add(new H3(Messages.get("console.model-heading", version(version) == null
                ? Messages.get("console.active-short") : version)));
        Span engineLine = new Span(Messages.get("console.not-available", modeLabel(m.id())));
        engineLine.addClassName("console-engine");
        Paragraph why = new Paragraph(reason);
        why.addClassName("console-unavailable");
        column.add(engineLine, why);
        return column;
    }

    /** The mode as a person reads it. */
    static String modeLabel(String id) {
        return switch (id) {
            case "fast" -> Messages.get("console.mode.fast");
            case "accurate" -> Messages.get("console.mode.accurate");
            case "balanced" -> Messages.get("console.mode.balanced");
            case FAST_VS_ACCURATE -> Messages.get("console.mode.side-by-side");
            default -> id;
        };
    }

    /** The engine that scored a text as a person reads it: {@code encoder:bge-small-en-v1.5-q} -> "encoder ...". */
    static String engineLabel(String engine) {
        if (engine == null || engine.equals(TextScore.NGRAM)) {
            return Messages.get("console.engine.ngram");
        }
        if (engine.startsWith("encoder:")) {
            return Messages.get("console.engine.encoder", engine.substring("encoder:".length()));
        }
        if (engine.startsWith("byo:")) {
            return Messages.get("console.engine.byo", engine.substring("byo:".length()));
        }
        return engine;
    }

    private Component column(String value, ModerationResult result, Mode scoredIn, double millis) {
        TextScore s = result.results().get(0);
        VerticalLayout column = new VerticalLayout();
        column.addClassName("console-column");
        column.add(new H3(Messages.get("console.model-heading", result.modelVersion())));
        Span engineLine = new Span(Messages.get("console.scored-by", modeLabel(scoredIn.id()),
                engineLabel(s.engine())));
        engineLine.addClassName("console-engine");
        column.add(engineLine);
        // The detector's confidence is a relative score, low even for plain sentences: a person reads the name.
        column.add(new Span(languageLine(s.language(), millis)));
        for (Attribute a : Attribute.values()) {
            Double v = s.scores().get(a);
            if (v == null) {
                continue;
            }
            boolean flagged = Boolean.TRUE.equals(s.flagged().get(a));
            ProgressBar bar = new ProgressBar(0, 1, v);
            bar.setWidth("12em");
            if (flagged) {
                bar.addThemeName("error");
            }
            Double limit = threshold.getValue();
            String text;
            if (limit == null) {
                text = flagged ? Messages.get("console.score-flagged-engine", a.name(), v)
                        : Messages.get("console.score-clear-engine", a.name(), v);
            } else {
                text = flagged ? Messages.get("console.score-flagged", a.name(), v, limit)
                        : Messages.get("console.score-clear", a.name(), v, limit);
            }
            Span label = new Span(text);
            label.addClassName(flagged ? "console-flagged" : "console-clear");
            column.add(new HorizontalLayout(bar, label));
        }
        column.add(highlight(value, s));
        if (s.listMatches() != null && !s.listMatches().isEmpty()) {
            s.listMatches().forEach(m -> column.add(new Span(m.attribute() == null
                    ? Messages.get("console.list-match", Messages.label(m.kind()), m.term())
                    : Messages.get("console.list-match-attribute", Messages.label(m.kind()), m.term(),
                            m.attribute()))));
        }
        return column;
    }

    /** The share of its attribute's score below which a span is not marked. */
    static final double MARK_FLOOR = 0.1;

    /**
     * The text with the characters that drove a flagged attribute's score marked, darker for higher span scores; each
     * mark names its attributes and span scores on hover, and a legend under the text says what the marks mean. The
     * engine gives spans for every score, so a harmless text's spans (scores near zero) would mark ordinary words;
     * a flagged attribute's spans under {@link #MARK_FLOOR} of its score ("a" beside an insult) are left unmarked too.
     */
    private static Component highlight(String value, TextScore s) {
        double[] weight = new double[value.length()];
        String[] why = new String[value.length()];
        Set<Attribute> marked = EnumSet.noneOf(Attribute.class);
        if (s.spans() != null) {
            s.spans().forEach((attribute, spans) -> {
                if (!Boolean.TRUE.equals(s.flagged().get(attribute))) {
                    return;
                }
                double floor = MARK_FLOOR * s.scores().getOrDefault(attribute, 0.0);
                spans.stream().filter(span -> span.score() >= floor).forEach(span -> {
                    for (int i = Math.max(0, span.begin()); i < Math.min(value.length(), span.end()); i++) {
                        weight[i] = Math.max(weight[i], span.score());
                        String part = String.format(Locale.ROOT, "%s %.2f", attribute.name(), span.score());
                        why[i] = why[i] == null ? part : why[i] + ", " + part;
                        marked.add(attribute);
                    }
                });
            });
        }
        Paragraph p = new Paragraph();
        p.addClassName("console-highlight");
        int i = 0;
        while (i < value.length()) {
            int j = i;
            while (j < value.length() && weight[j] == weight[i] && java.util.Objects.equals(why[j], why[i])) {
                j++;
            }
            Span part = new Span(value.substring(i, j));
            if (weight[i] > 0) {
                part.addClassName("console-span");
                part.getElement().setAttribute("title", why[i]);
                part.getStyle().set("background", String.format(Locale.ROOT, "rgba(220, 38, 38, %.2f)",
                        0.15 + 0.6 * weight[i]));
            }
            p.add(part);
            i = j;
        }
        if (marked.isEmpty()) {
            return p;
        }
        Span legend = new Span(Messages.get("console.legend", marked.stream().map(Attribute::name)
                .collect(java.util.stream.Collectors.joining(", "))));
        legend.addClassName("console-span-legend");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return new com.vaadin.flow.component.html.Div(p, legend);
    }

    void showEvaluation(LabelledSetEvaluation result) {
        evaluation.removeAll();
        evaluation.add(new Paragraph(result.skipped().isEmpty()
                ? Messages.get("console.evaluated", result.texts(), result.modelVersion())
                : Messages.get("console.evaluated-skipped", result.texts(), result.modelVersion(),
                        String.join("; ", result.skipped()))));
        Grid<Map.Entry<Attribute, LabelledSetEvaluation.AttributeResult>> grid = new Grid<>();
        grid.setItems(new ArrayList<>(result.attributes().entrySet()));
        grid.addColumn(e -> e.getKey().name()).setHeader(Messages.get("console.attribute"));
        grid.addColumn(e -> pct(e.getValue().accuracy())).setHeader(Messages.get("console.eval.accuracy"));
        grid.addColumn(e -> String.format(Locale.ROOT, "%.3f", e.getValue().macroF1())).setHeader(Messages.get("console.eval.macro-f1"));
        grid.addColumn(e -> e.getValue().truePositives()).setHeader(Messages.get("console.eval.tp"));
        grid.addColumn(e -> e.getValue().falseNegatives()).setHeader(Messages.get("console.eval.fn"));
        grid.addColumn(e -> e.getValue().falsePositives()).setHeader(Messages.get("console.eval.fp"));
        grid.addColumn(e -> e.getValue().trueNegatives()).setHeader(Messages.get("console.eval.tn"));
        grid.setAllRowsVisible(true);
        evaluation.add(grid);
    }

    void addTerm() {
        try {
            lists.add(tenant.getValue(), kind.getValue(), term.getValue(),
                    kind.getValue() == ListKind.BLOCK ? attribute.getValue() : null, currentUser());
            term.clear();
            refreshTerms();
        } catch (IllegalArgumentException | BusinessException ex) {
            error(ex.getMessage());
        }
    }

    private void removeTerm(TenantListEntry entry) {
        try {
            lists.remove(entry.tenant(), entry.kind(), entry.id(), currentUser());
            refreshTerms();
        } catch (IllegalArgumentException | BusinessException ex) {
            error(ex.getMessage());
        }
    }

    private void refreshTerms() {
        if (tenant.getValue() == null || tenant.getValue().isBlank()) {
            terms.setItems(List.of());
            return;
        }
        try {
            terms.setItems(lists.list(tenant.getValue().strip(), kind.getValue()));
        } catch (IllegalArgumentException | BusinessException ex) {
            error(ex.getMessage());
        }
    }

    private static String currentUser() {
        return dev.safespeak.security.CurrentUser.require().username();
    }

    /** The registry's versions; none (with a message) when no model is active, so the console still opens. */
    private List<String> registeredVersions() {
        try {
            return engine.modelVersions();
        } catch (BusinessException e) {
            error(Messages.get("console.versions-unavailable", e.getMessage()));
            return List.of();
        }
    }

    private static String version(String choice) {
        return choice == null || ACTIVE.equals(choice) || NONE.equals(choice) ? null : choice;
    }

    /**
     * "Language: English · 3.1 ms". The detector's confidence is a relative score, low even for plain sentences
     * ("6% confident" for a plain English one), so a person reads the language's name and not that number.
     */
    static String languageLine(DetectedLanguage language, double millis) {
        return language.isUnknown() ? Messages.get("console.language-unknown", millis)
                : Messages.get("console.language", Locale.forLanguageTag(language.code())
                        .getDisplayLanguage(Messages.locale()), language.code(), millis);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
