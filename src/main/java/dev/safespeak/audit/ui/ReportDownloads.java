package dev.safespeak.audit.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.safespeak.audit.ReleaseReportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/** The two download links of a release report, Markdown and JSON, made fresh on each click. */
final class ReportDownloads {

    private ReportDownloads() {
    }

    static HorizontalLayout links(ReleaseReportService reports, long releaseId) {
        Anchor markdown = link(releaseId, reports::markdown, "md", "text/markdown", "Download report (Markdown)");
        markdown.setId("report-markdown");
        Anchor json = link(releaseId, reports::json, "json", "application/json", "Download report (JSON)");
        json.setId("report-json");
        return new HorizontalLayout(markdown, json);
    }

    private static Anchor link(long releaseId, LongFunction<String> body, String extension, String type,
                               String label) {
        String fileName = "release-" + releaseId + "-report." + extension;
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = body.apply(releaseId).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), label);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
