package dev.safespeak.moderation.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every API request: gives it a request id (attribute, log MDC and {@code X-Request-Id}
 * header on every response, errors included) and refuses bodies over the size limit with 413, by the declared
 * length up front and by counting for chunked bodies.
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
            chain.doFilter(new LimitedRequest(request, maxBodyBytes), response);
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

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long count;

        LimitedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
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
