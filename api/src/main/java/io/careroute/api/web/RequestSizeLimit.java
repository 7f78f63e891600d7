package io.careroute.api.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.i18n.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounded memory: a request body larger than {@code careroute.max-request-bytes} is refused with 413 (RFC 9457)
 * before anything reads it whole. A declared {@code Content-Length} is refused at once; a chunked body is read up to
 * the limit and refused as soon as it passes it, so no request holds more than the limit in memory.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);

    private final long maxBytes;
    private final ObjectMapper json = new ObjectMapper();

    RequestSizeLimit(@Value("${careroute.max-request-bytes:10MB}") DataSize maxBytes) {
        this.maxBytes = maxBytes.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared >= 0 || !hasBody(request) || isMultipart(request)) {
            // The container reads at most Content-Length bytes; a chunked upload (multipart) is counted by the
            // container's own multipart parser against the same limit (spring.servlet.multipart in application.yml),
            // which reads the request's own stream: buffering it here would leave that stream empty.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readUpToLimit(request.getInputStream());
        if (body == null) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** The body, or null once it passes the limit (what was read is dropped). */
    private byte[] readUpToLimit(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages messages = Messages.forLanguage(request.getHeader("Accept-Language"));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://careroute.io/problems/too-large");
        problem.put("title", messages.get("api.tooLarge.title"));
        problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        String reason = messages.get("api.tooLarge.reason", Long.toString(maxBytes));
        problem.put("detail", reason);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("field", "$", "reason", reason)));
        log.info("Refused a request body over {} bytes", maxBytes);
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");   // the rest of the body is not read
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read (a chunked body within the limit). */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
