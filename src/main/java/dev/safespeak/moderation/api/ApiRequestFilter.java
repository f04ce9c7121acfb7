package dev.safespeak.moderation.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every API request: gives it a request id (attribute, log MDC and {@code X-Request-Id}
 * header on every response, errors included) and refuses bodies over the size limit with 413, by the declared
 * length up front and by counting for chunked bodies. A UTF-8 body is checked strictly as it is read: overlong
 * forms (such as {@code C0 AF} for '/'), encoded surrogates and truncated sequences are refused with 400, which the
 * JSON parser would otherwise decode. A body sent without a {@code Content-Type} header is read as JSON: Google's own
 * Perspective sample ({@code requests.post(url, data=json.dumps(...))}) sends none, and Perspective answers it.
 */
final class ApiRequestFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ProblemWriter problems;

    ApiRequestFilter(long maxBodyBytes, ProblemWriter problems) {
        this.maxBodyBytes = maxBodyBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = randomId();
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            if (request.getContentLengthLong() > maxBodyBytes) {
                problems.write(request, response, ApiProblem.bodyTooLarge(maxBodyBytes));
                return;
            }
            String charset = request.getCharacterEncoding();
            boolean utf8 = charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
            chain.doFilter(new LimitedRequest(request, maxBodyBytes, utf8), response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /**
     * A random (version 4 layout) UUID from {@link ThreadLocalRandom}: request ids must be unique, not secret, and
     * {@link UUID#randomUUID()} draws from a SecureRandom shared by every request thread.
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** Thrown by the body stream once more than the limit was read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large", null);
        }
    }

    /** Thrown by the body stream at the first byte that is not well-formed UTF-8. */
    static final class InvalidUtf8Exception extends CharConversionException {
        InvalidUtf8Exception() {
            super("request body is not valid UTF-8");
        }
    }

    /**
     * Well-formed UTF-8 after RFC 3629 (the table of Unicode's chapter 3): the shortest form only, no surrogates,
     * nothing above U+10FFFF. Fed one byte at a time, so a sequence may span reads.
     */
    static final class Utf8Check {
        private int remaining;
        private int lower = 0x80;
        private int upper = 0xBF;

        boolean accept(int b) {
            if (remaining == 0) {
                if (b < 0x80) {
                    return true;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    return expect(1, 0x80, 0xBF);
                }
                if (b == 0xE0) {
                    return expect(2, 0xA0, 0xBF);
                }
                if (b == 0xED) {
                    return expect(2, 0x80, 0x9F);
                }
                if (b >= 0xE1 && b <= 0xEF) {
                    return expect(2, 0x80, 0xBF);
                }
                if (b == 0xF0) {
                    return expect(3, 0x90, 0xBF);
                }
                if (b >= 0xF1 && b <= 0xF3) {
                    return expect(3, 0x80, 0xBF);
                }
                if (b == 0xF4) {
                    return expect(3, 0x80, 0x8F);
                }
                return false;
            }
            if (b < lower || b > upper) {
                return false;
            }
            remaining--;
            lower = 0x80;
            upper = 0xBF;
            return true;
        }

        /** Whether the bytes so far end on a character boundary. */
        boolean complete() {
            return remaining == 0;
        }

        private boolean expect(int continuation, int low, int high) {
            remaining = continuation;
            lower = low;
            upper = high;
            return true;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private static final String JSON = "application/json";
        private final long max;
        private final boolean utf8;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max, boolean utf8) {
            super(request);
            this.max = max;
            this.utf8 = utf8;
        }

        @Override
        public String getContentType() {
            String type = super.getContentType();
            return type == null || type.isBlank() ? JSON : type;
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return "content-type".equalsIgnoreCase(name) && (value == null || value.isBlank()) ? JSON : value;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), max, utf8 ? new Utf8Check() : null);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final Utf8Check utf8;
        private long count;

        LimitedStream(ServletInputStream in, long max, Utf8Check utf8) {
            this.in = in;
            this.max = max;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                check(b);
            } else {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                for (int i = offset; i < offset + n; i++) {
                    check(buffer[i] & 0xFF);
                }
            } else if (n < 0) {
                end();
            }
            return n;
        }

        private void check(int b) throws InvalidUtf8Exception {
            if (utf8 != null && !utf8.accept(b)) {
                throw new InvalidUtf8Exception();
            }
        }

        private void end() throws InvalidUtf8Exception {
            if (utf8 != null && !utf8.complete()) {
                throw new InvalidUtf8Exception();
            }
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
