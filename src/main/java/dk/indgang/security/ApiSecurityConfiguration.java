package dk.indgang.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The case-system API's own filter chain: stateless, no session, no CSRF (no cookies), and an API
 * key per case system in the {@code X-Api-Key} header. Without a valid key: 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String CASE_SYSTEM = "CASE_SYSTEM";
    static final String BESKEDFORDELER = "BESKEDFORDELER";

    /** Keys of the Beskedfordeler subscriptions that deliver Digital Post's receipts. */
    @ConfigurationProperties("indgang.beskedfordeler")
    record BeskedfordelerProperties(@DefaultValue Map<String, String> keys) {}

    /** @param keys API keys by client name, e.g. {@code sbsys: ${SBSYS_API_KEY}}; keep them in a vault */
    @ConfigurationProperties("indgang.case-api")
    record CaseApiProperties(@DefaultValue Map<String, String> keys) {}

    @Bean
    @Order(1)
    SecurityFilterChain caseApi(
            HttpSecurity http, CaseApiProperties properties, ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        return keyed(http, "/api/case/**", properties.keys(), CASE_SYSTEM, strategy);
    }

    /** Digital Post's receipts, delivered by the Beskedfordeler: stateless, an API key per subscription. */
    @Bean
    @Order(1)
    SecurityFilterChain beskedfordeler(
            HttpSecurity http,
            BeskedfordelerProperties properties,
            ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        return keyed(http, "/api/beskedfordeler/**", properties.keys(), BESKEDFORDELER, strategy);
    }

    /**
     * A system-to-system chain: stateless, no CSRF (no cookies), the role {@code role} for a request
     * whose {@code X-Api-Key} is one of {@code keys}, 401 otherwise.
     */
    private static SecurityFilterChain keyed(
            HttpSecurity http,
            String paths,
            Map<String, String> keys,
            String role,
            ObjectProvider<SecurityContextHolderStrategy> strategy)
            throws Exception {
        // The chain's own strategy (Vaadin provides one), so the authorization filter sees what the key filter sets.
        var contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        return http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(role))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new ApiKeyFilter(keys, role, contexts), UsernamePasswordAuthenticationFilter.class)
                .build();
    }

    /** The OpenAPI description is public; the operations it describes are not. */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    private static final class ApiKeyFilter extends OncePerRequestFilter {
        private final Map<String, String> keys;
        private final String role;
        private final SecurityContextHolderStrategy contexts;

        ApiKeyFilter(Map<String, String> keys, String role, SecurityContextHolderStrategy contexts) {
            this.keys = Map.copyOf(keys);
            this.role = role;
            this.contexts = contexts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var given = request.getHeader("X-Api-Key");
            if (given != null) {
                for (var entry : keys.entrySet()) {
                    if (!entry.getValue().isBlank()
                            && MessageDigest.isEqual(
                                    entry.getValue().getBytes(StandardCharsets.UTF_8),
                                    given.getBytes(StandardCharsets.UTF_8))) {
                        var context = contexts.createEmptyContext();
                        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                entry.getKey(), null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
                        contexts.setContext(context);
                        break;
                    }
                }
            }
            try {
                chain.doFilter(request, response);
            } finally {
                contexts.clearContext();
            }
        }
    }
}
