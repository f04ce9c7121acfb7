package dev.safespeak.base;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests that never reach the application. A request whose headers exceed
 * {@code server.max-http-request-header-size} (8 KB) used to get Tomcat's HTML error page with 400; it gets
 * 431 problem+json instead. Every other error is reported as Tomcat does.
 */
public class HeaderTooLargeValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!headersTooLarge(throwable) || response.isCommitted()) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(431);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String requestId = UUID.randomUUID().toString();
            response.setHeader("X-Request-Id", requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:safespeak:problem:invalid\",\"title\":\"Request Header Fields Too Large\","
                        + "\"status\":431,\"detail\":\"request headers are too large\",\"code\":\"invalid\","
                        + "\"requestId\":\"" + requestId + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            super.report(request, response, throwable);
        }
    }

    static boolean headersTooLarge(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null
                    && t.getMessage().contains("header is too large")) {
                return true;
            }
        }
        return false;
    }
}
