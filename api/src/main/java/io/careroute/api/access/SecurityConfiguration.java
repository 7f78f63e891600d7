package io.careroute.api.access;

import static io.careroute.api.store.Role.ADMIN;
import static io.careroute.api.store.Role.DISPATCHER;
import static io.careroute.api.store.Role.KITCHEN;
import static io.careroute.api.store.Role.VIEWER;
import static io.careroute.api.store.Role.WORKER;

import java.util.Arrays;

import io.careroute.api.store.AccessStore;
import io.careroute.api.store.OrganisationCodes;
import io.careroute.api.store.Role;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The rules by role are here, in one table (the README's roles table says the same); which
 * organisation's data a request may touch is checked where the data is read (plans: {@code PlanAccess}).
 * Every endpoint has a rule here; AccessMatrixTest fails for an endpoint without a row in its matrix.
 */
@Configuration
@EnableWebSecurity
// The OpenAPI document says how to authenticate, so Swagger UI's "Authorize" takes a key or a user.
@OpenAPIDefinition(security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer"),
        @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "an API key")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "name@code (the user name and the organisation's login code) and password")
class SecurityConfiguration {

    private static final Role[] READERS = {ADMIN, DISPATCHER, KITCHEN, VIEWER};
    private static final Role[] PLANNERS = {ADMIN, DISPATCHER, KITCHEN};
    /** Who keeps the register: a kitchen only its kitchens and meal subscriptions (KITCHEN_ENTRIES). */
    private static final Role[] REGISTRARS = {ADMIN, DISPATCHER};
    /** Who records what was done at a stop: the worker (their own stops only) or a dispatcher for them. */
    private static final Role[] RECORDERS = {ADMIN, DISPATCHER, WORKER};
    private static final String[] KITCHEN_ENTRIES = {"/api/v1/registry/kitchens/*",
            "/api/v1/registry/meal-subscriptions/*"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();   // bcrypt, and says so in the hash
    }

    /**
     * A login is {@code name@code}: the user name within the organisation of that code (user names are unique per
     * organisation only). A name without an organisation is nobody. An unknown organisation, name or password all
     * answer the same 401 (Spring hides which).
     */
    @Bean
    UserDetailsService userDetailsService(AccessStore store) {
        return login -> OrganisationCodes.login(login)
                .flatMap(typed -> store.accountForLogin(typed.organisationCode(), typed.username()))
                .map(AccountDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, AccessStore store,
                                            ProblemResponses problems) throws Exception {
        // The API and the actuator answer a missing login with 401 problem details, not a redirect to the login page.
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
        // The page keeps its session in a cookie and sends the CSRF token back as a header (read by its script from
        // the XSRF-TOKEN cookie). Scripts with an API key or Basic credentials have no cookie to abuse: no token.
        // Nor does a request without a session, which is refused 401 unless it is the login form (kept protected
        // against login CSRF).
        CsrfTokenRequestAttributeHandler tokens = new CsrfTokenRequestAttributeHandler();
        tokens.setCsrfRequestAttributeName(null);   // load the token on every request, so the cookie is always there
        RequestMatcher noCookieToAbuse = request -> CallerFilter.carriesCredentials(request)
                || (request.getSession(false) == null && !request.getRequestURI().equals(request.getContextPath() + "/login"));
        http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(tokens)
                        .ignoringRequestMatchers(noCookieToAbuse))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login.html", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // Probes of the platform (load balancer, Kubernetes) carry no credentials: health is open,
                        // its details only to an ADMIN (management.endpoint.health.show-details). The metrics and
                        // every other actuator endpoint tell about the whole instance: ADMIN only.
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/api-keys",
                                "/api/v1/api-keys/**").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans", "/api/v1/plans/*/stop",
                                "/api/v1/plans/*/resume", "/api/v1/plans/*/publish", "/api/v1/plans/*/events")
                        .hasAnyRole(names(PLANNERS))
                        // desk-edit (#16.3): publishing a hand-edited order is publishing
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans/*/edits").hasAnyRole(names(PLANNERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/plans/*/problem", "/api/v1/plans/*/events")
                        .hasAnyRole(names(READERS))
                        // A check changes nothing, but answers every worker's stops: not for a WORKER.
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans/*/check").hasAnyRole(names(READERS))
                        // Offered slots (recommend): as for adding a visit to the day, the dispatcher's and admin's.
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans/*/recommendations").hasAnyRole(names(REGISTRARS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/plans", "/api/v1/plans/*", "/api/v1/plans/*/progress",
                                "/api/v1/plans/*/routes", "/api/v1/plans/*/sheets", "/api/v1/plans/*/sheets.xlsx").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/coverage", "/api/v1/coverage/geojson")
                        .hasAnyRole(names(READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/demo/problem", "/api/v1/demo/coverage",
                                "/api/v1/demo/coverage/geojson").hasAnyRole(names(READERS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/demo/job", "/api/v1/network/roads").authenticated()
                        // trust (issue 19.1, 19.3): the audit trail and an elder's erasure, for an ADMIN only
                        .requestMatchers("/api/v1/audit").hasRole(ADMIN.name())
                        .requestMatchers("/api/v1/registry/elders/*/erasure").hasRole(ADMIN.name())
                        // The register holds every elder's personal data: not for a WORKER (PIPL, minimum necessary).
                        .requestMatchers(HttpMethod.GET, "/api/v1/registry", "/api/v1/registry/**")
                        .hasAnyRole(names(READERS))
                        .requestMatchers(HttpMethod.PUT, KITCHEN_ENTRIES).hasAnyRole(names(PLANNERS))
                        .requestMatchers(HttpMethod.DELETE, KITCHEN_ENTRIES).hasAnyRole(names(PLANNERS))
                        .requestMatchers("/api/v1/registry", "/api/v1/registry/**").hasAnyRole(names(REGISTRARS))
                        // Weeks hold every elder's care plans: read by the register's readers, planned and
                        // published by those who keep the register (a kitchen plans meals only: not weeks of visits).
                        .requestMatchers(HttpMethod.GET, "/api/v1/weeks", "/api/v1/weeks/*")
                        .hasAnyRole(names(READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/weeks", "/api/v1/weeks/*/stop",
                                "/api/v1/weeks/*/resume", "/api/v1/weeks/*/publish", "/api/v1/weeks/*/replan").hasAnyRole(names(REGISTRARS))
                        // Service records: a worker records the stops of their own route (checked per task), a
                        // dispatcher records for them and corrects; a worker reads their own records (scoped where
                        // they are read), the phone page's day is a worker's; alerts are for the console.
                        .requestMatchers(HttpMethod.POST, "/api/v1/plans/*/tasks/*/check-in",
                                "/api/v1/plans/*/tasks/*/check-out").hasAnyRole(names(RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/records/*/corrections").hasAnyRole(names(REGISTRARS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/records/alerts", "/api/v1/plans/*/record-events")
                        .hasAnyRole(names(READERS))
                        // Live day (issue 17.3): the console's live view is read like the record events; an
                        // alert is taken on by those who dispatch.
                        .requestMatchers(HttpMethod.GET, "/api/v1/plans/*/live").hasAnyRole(names(READERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/records/*/acknowledge").hasAnyRole(names(REGISTRARS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/records", "/api/v1/records/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/field/day").hasRole(WORKER.name())
                        // field-figures (issue 17.4, 17.5): the time bank's rules are an admin's; withdrawals,
                        // transfers and every holder's balance a dispatcher's; a statement also its own worker's
                        // (checked per volunteer). Outcome figures are for the console's readers.
                        .requestMatchers("/api/v1/timebank/rules").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/timebank").hasAnyRole(names(REGISTRARS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/timebank/*").hasAnyRole(names(RECORDERS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/timebank/*/withdrawals",
                                "/api/v1/timebank/*/transfers").hasAnyRole(names(REGISTRARS))
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/outcomes", "/api/v1/reports/outcomes.xlsx",
                                "/api/v1/plans/*/outcomes").hasAnyRole(names(READERS))
                        // Unknown paths: 404 to an authenticated caller. A new endpoint is open to every role
                        // until it gets a rule above: AccessMatrixTest fails until it has a row, which says who.
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .addFilterAfter(new CallerFilter(keys, store, problems), SecurityContextHolderFilter.class);
        return http.build();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
