package io.careroute.api.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careroute.data.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 of the security filters as RFC 9457 problem details, in the caller's language (Chinese unless
 * Accept-Language asks for English), like every other error of the API. Nothing of the request is logged.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPES = "https://careroute.io/problems/";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Not authenticated, or credentials that are not valid. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthenticated(request, response);
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Messages messages = messages(request);
        // Bearer, not Basic: a browser would open its own password dialog for Basic on the page's requests.
        response.setHeader("WWW-Authenticate", "Bearer realm=\"careroute\"");
        write(response, 401, "unauthenticated", messages.get("api.auth.title"), messages.get("api.auth.detail"),
                "Authorization", messages.get("api.auth.reason"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Messages messages = messages(request);
        if (e instanceof CsrfException) {
            write(response, 403, "csrf", messages.get("api.forbidden.title"), messages.get("api.forbidden.csrf"),
                    "X-XSRF-TOKEN", messages.get("api.forbidden.csrf"));
            return;
        }
        String role = Caller.current().map(c -> c.role().name()).orElse("?");
        write(response, 403, "forbidden", messages.get("api.forbidden.title"),
                messages.get("api.forbidden.detail", role), "role", messages.get("api.forbidden.reason", role));
    }

    private void write(HttpServletResponse response, int status, String type, String title, String detail,
                       String field, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPES + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", List.of(Map.of("field", field, "reason", reason)));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    static Messages messages(HttpServletRequest request) {
        return Messages.forLanguage(request.getHeader("Accept-Language"));
    }
}
