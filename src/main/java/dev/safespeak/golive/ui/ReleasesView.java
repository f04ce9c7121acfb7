package dev.safespeak.golive.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ui.Messages;
import dev.safespeak.base.ui.NarrowWindow;
import dev.safespeak.golive.ChecklistTemplateService;
import dev.safespeak.golive.ReleaseService;
import dev.safespeak.golive.ReleaseView;
import dev.safespeak.golive.TemplateView;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The releases being taken live, with their progress; admins create releases and import checklist templates here. */
@Route("releases")
@RouteAlias("")
@Menu(title = "Go-live releases", order = 10)
@PermitAll
class ReleasesView extends VerticalLayout implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return Messages.get("page.title", Messages.get("title.releases"));
    }

    private final ReleaseService service;
    private final ChecklistTemplateService checklistTemplates;
    private final BoardBroadcaster broadcaster;
    private Registration pushRegistration;

    /** Wide enough for the small "Open board" button and the "Export Markdown" link side by side. */
    static final String ACTIONS_WIDTH = "19rem";

    final Grid<ReleaseView> grid = new Grid<>();
    final List<Grid.Column<ReleaseView>> wideColumns = new ArrayList<>();
    final Grid.Column<ReleaseView> card;
    final TextField name = new TextField(Messages.get("releases.name"));
    final TextField version = new TextField(Messages.get("releases.version"));
    final DatePicker goLive = new DatePicker(Messages.get("releases.go-live-date"));
    final Select<TemplateView> template = new Select<>();
    final Button create = new Button(Messages.get("releases.create"));
    final Button importTemplate = new Button(Messages.get("releases.import"));
    Dialog importDialog;
    TextField importName;
    TextArea importMarkdown;
    Button importConfirm;

    ReleasesView(ReleaseService service, ChecklistTemplateService checklistTemplates, BoardBroadcaster broadcaster, Clock clock) {
        this.service = service;
        this.checklistTemplates = checklistTemplates;
        this.broadcaster = broadcaster;
        setSizeFull();
        add(new H2(Messages.get("releases.title")));

        grid.setId("releases");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Only the release's name takes the spare width: the other columns are as wide as what they show, so the
        // actions ("Open board", "Export Markdown") fit whole from a 1280 px window with the menu open. Widths in rem,
        // not em: the header's smaller font would make an em narrower there than in the body and misalign them.
        wideColumns.add(grid.addColumn(ReleaseView::name).setHeader(Messages.get("releases.release"))
                .setWidth("10rem").setFlexGrow(1));
        wideColumns.add(grid.addColumn(ReleaseView::version).setHeader(Messages.get("releases.version"))
                .setWidth("7rem").setFlexGrow(0));
        wideColumns.add(grid.addColumn(r -> Messages.date(r.goLiveDate())).setHeader(Messages.get("releases.go-live"))
                .setWidth("9rem").setFlexGrow(0));
        wideColumns.add(grid.addComponentColumn(ReleasesView::progress).setHeader(Messages.get("releases.done"))
                .setWidth("16rem").setFlexGrow(0));
        wideColumns.add(grid.addComponentColumn(this::actions).setHeader("").setKey("actions")
                .setWidth(ACTIONS_WIDTH).setFlexGrow(0));
        // A phone has room for one column: each release as a card with the same facts and actions.
        card = grid.addComponentColumn(this::card).setHeader(Messages.get("releases.release"));
        card.setVisible(false);
        NarrowWindow.whileAttached(this, this::narrow);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));

        if (service.canAdminister()) {
            name.setId("release-name");
            version.setId("release-version");
            goLive.setId("release-go-live");
            goLive.setValue(LocalDate.now(clock).plusDays(14));
            template.setId("release-template");
            template.setLabel(Messages.get("releases.template"));
            template.setItemLabelGenerator(t -> Messages.get("releases.template-option", t.name(), t.itemCount()));
            create.setId("release-create");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(e -> createRelease());
            importTemplate.setId("template-import");
            importTemplate.addClickListener(e -> openImportDialog());
            HorizontalLayout form = new HorizontalLayout(name, version, goLive, template, create, importTemplate);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(form);
        }
        add(grid);
        refresh();
    }

    /** Shows the release as one card per row on a narrow window, as columns otherwise. */
    void narrow(boolean narrow) {
        wideColumns.forEach(c -> c.setVisible(!narrow));
        card.setVisible(narrow);
    }

    private static HorizontalLayout progress(ReleaseView r) {
        ProgressBar bar = new ProgressBar(0, 1, r.progress().fraction());
        bar.setWidth("8em");
        HorizontalLayout cell = new HorizontalLayout(bar, new Span(Messages.get("releases.progress",
                r.progress().closed(), r.progress().total(), r.progress().percent())));
        cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private VerticalLayout card(ReleaseView release) {
        Span name = new Span(release.name() + " " + release.version());
        name.getStyle().set("font-weight", "600");
        VerticalLayout card = new VerticalLayout(name, new Span(Messages.get("releases.go-live-on", Messages.date(release.goLiveDate()))), progress(release),
                actions(release));
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private HorizontalLayout actions(ReleaseView release) {
        Button open = new Button(Messages.get("releases.open"), e -> open(release));
        open.setId("open-" + release.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = service.exportMarkdown(release.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName(release), "text/markdown", bytes.length);
        }), Messages.get("releases.export"));
        export.setId("export-" + release.id());
        export.getStyle().set("white-space", "nowrap");
        HorizontalLayout actions = new HorizontalLayout(open, export);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return actions;
    }

    static String fileName(ReleaseView release) {
        String base = (release.name() + "-" + release.version()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        return (base.isEmpty() ? "release" : base) + "-checklist.md";
    }

    private void open(ReleaseView release) {
        getUI().ifPresent(ui -> ui.navigate(ReleaseBoardView.class,
                new RouteParameters("releaseId", String.valueOf(release.id()))));
    }

    void refresh() {
        grid.setItems(service.releases());
        if (service.canAdminister()) {
            TemplateView selected = template.getValue();
            var templates = checklistTemplates.templates();
            if (templates.isEmpty()) {
                templates = java.util.List.of(checklistTemplates.defaultTemplate());
            }
            template.setItems(templates);
            template.setValue(selected != null ? templates.stream().filter(t -> t.id() == selected.id()).findFirst()
                    .orElse(templates.get(0)) : templates.get(0));
        }
    }

    private void createRelease() {
        try {
            TemplateView chosen = template.getValue();
            if (chosen == null) {
                throw new IllegalArgumentException(Messages.get("releases.choose-template"));
            }
            ReleaseView created = service.createRelease(name.getValue(), version.getValue(), goLive.getValue(),
                    chosen.id());
            name.clear();
            version.clear();
            refresh();
            notify(Messages.get("releases.created", created.name() + " " + created.version(),
                    created.progress().total()), false);
        } catch (BusinessException | IllegalArgumentException e) {
            notify(e.getMessage(), true);
        }
    }

    private void openImportDialog() {
        importDialog = new Dialog();
        importDialog.setHeaderTitle(Messages.get("releases.import-title"));
        importName = new TextField(Messages.get("releases.import-name"));
        importName.setId("import-name");
        importName.setWidthFull();
        importMarkdown = new TextArea(Messages.get("releases.import-markdown"));
        importMarkdown.setId("import-markdown");
        importMarkdown.setWidthFull();
        importMarkdown.setHeight("20em");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            importMarkdown.getUI().ifPresent(ui -> ui.access(() -> {
                importMarkdown.setValue(text);
                if (importName.isEmpty()) {
                    importName.setValue(metadata.fileName().replaceFirst("\\.md$", ""));
                }
            }));
        }));
        upload.setAcceptedFileTypes(".md", "text/markdown", "text/plain");
        upload.setMaxFileSize(1_000_000);
        importConfirm = new Button(Messages.get("releases.import-confirm"), e -> importNow());
        importConfirm.setId("import-confirm");
        importConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout body = new VerticalLayout(importName, upload, importMarkdown);
        body.setPadding(false);
        body.setWidth("40em");
        importDialog.add(body);
        importDialog.getFooter().add(new Button(Messages.get("releases.cancel"), e -> importDialog.close()), importConfirm);
        importDialog.open();
    }

    private void importNow() {
        try {
            TemplateView imported = checklistTemplates.importTemplate(importName.getValue(), importMarkdown.getValue());
            importDialog.close();
            refresh();
            template.setValue(template.getListDataView().getItems().filter(t -> t.id() == imported.id())
                    .findFirst().orElse(null));
            notify(Messages.get("releases.imported", imported.name(), imported.itemCount()), false);
        } catch (BusinessException | IllegalArgumentException e) {
            notify(e.getMessage(), true);
        }
    }

    private static void notify(String message, boolean error) {
        Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        pushRegistration = broadcaster.register(BoardBroadcaster.ANY_RELEASE, attachEvent.getUI(), this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (pushRegistration != null) {
            pushRegistration.remove();
            pushRegistration = null;
        }
        super.onDetach(detachEvent);
    }
}
