package dev.safespeak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Users' words in the Markdown release report stay text: no markup, no table breaks. */
class ReportCellTest {

    @Test
    void html_in_a_users_text_is_written_as_entities_and_shows_as_typed() {
        assertThat(ReleaseReportService.cell("<img src=x onerror=alert(1)>"))
                .isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(ReleaseReportService.cell("<script>alert(9)</script> & co"))
                .isEqualTo("&lt;script&gt;alert(9)&lt;/script&gt; &amp; co");
        // An entity typed by a user is shown as typed, not as the character it names.
        assertThat(ReleaseReportService.cell("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void a_pipe_or_a_line_break_cannot_end_the_cell() {
        assertThat(ReleaseReportService.cell("a | b\r\nc \\ d")).isEqualTo("a \\| b  c \\\\ d");
        assertThat(ReleaseReportService.cell(null)).isEmpty();
    }
}
