package dev.safespeak.moderation.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.base.DatabaseStatus;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** What the API's exception resolver does with failures that are not the client's bad input. */
class ApiExceptionResolverTest {

    private final ApiExceptionResolver resolver = new ApiExceptionResolver(new ObjectMapper(),
            new ApiProperties(4096, ""), DatabaseStatus.ALWAYS_AVAILABLE);
    private final Logger logger = (Logger) LoggerFactory.getLogger(ApiExceptionResolver.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    private MockHttpServletResponse resolve(Exception ex) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/moderate");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(resolver.resolveException(request, response, null, ex)).isNotNull();
        return response;
    }

    @Test
    void a_client_that_went_away_while_the_answer_was_written_is_no_error_and_gets_no_body() throws Exception {
        for (Exception gone : new Exception[] {
                new AsyncRequestNotUsableException("ServletOutputStream failed to write: java.io.IOException: "
                        + "Broken pipe", new IOException("Broken pipe")),
                new ClientAbortException(new IOException("Connection reset by peer")),
                // A client that stopped reading: the write times out; not the database going away.
                new ClientAbortException(new java.net.SocketTimeoutException("write timed out"))}) {
            MockHttpServletResponse response = resolve(gone);
            assertThat(response.getContentAsString()).as(gone.toString()).isEmpty();
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void the_database_going_away_is_a_503_though_its_driver_reports_an_eof_like_a_closed_client()
            throws Exception {
        for (Exception dropped : new Exception[] {
                new org.springframework.dao.DataAccessResourceFailureException("I/O error",
                        new java.sql.SQLException("An I/O error occurred", "08006", new java.io.EOFException())),
                new org.springframework.dao.DataAccessResourceFailureException("I/O error",
                        new java.sql.SQLException(new IOException("Connection reset by peer")))}) {
            MockHttpServletResponse response = resolve(dropped);
            assertThat(response.getStatus()).as(dropped.toString()).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isNotNull();
            assertThat(response.getContentAsString()).contains("\"code\":\"unavailable\"");
        }
    }

    @Test
    void any_other_failure_is_a_500_logged_as_an_error() throws Exception {
        MockHttpServletResponse response = resolve(new IllegalStateException("boom"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).contains("\"code\":\"internal\"").doesNotContain("boom");
        assertThat(logged.list).anyMatch(e -> e.getLevel() == Level.ERROR);
    }
}
