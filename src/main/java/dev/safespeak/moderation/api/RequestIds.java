package dev.safespeak.moderation.api;

import jakarta.servlet.http.HttpServletRequest;

/** Where the request id of an API request is kept while it is served. */
final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    static String current(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }
}
