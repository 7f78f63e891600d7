package io.careroute.api.access;

import java.io.IOException;
import java.util.Optional;

import io.careroute.api.store.AccessStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API keys ({@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}) for this request only (no
 * session), and checks that a session's user is still enabled: disabling a user locks them out at once, not when
 * their session ends. Not a bean: it runs inside the security filter chain only, not again as a servlet filter.
 */
class CallerFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final AccessStore store;
    private final ProblemResponses problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CallerFilter(ApiKeys keys, AccessStore store, ProblemResponses problems) {
        this.keys = keys;
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
        if (key.isPresent()) {
            Optional<Caller> caller = keys.authenticate(key.get());
            if (caller.isEmpty()) {
                problems.unauthenticated(request, response);
                return;
            }
            var context = contexts.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(caller.get()));
            contexts.setContext(context);
        } else {
            Authentication authentication = contexts.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof AccountDetails account
                    && !stillEnabled(account)) {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillEnabled(AccountDetails account) {
        return store.account(account.caller().organisationId(), account.id())
                .filter(a -> a.enabled() && a.role() == account.caller().role()).isPresent();
    }

    static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("X-API-Key");
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Optional.empty();
    }

    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null;
    }
}
