package dk.indgang.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Spring Security for the Vaadin views and the actuator; login by mode (dev or oidc). */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * What pages may load, and why each source is there: everything from Indgang itself ('self');
     * scripts also inline and through eval, because Vaadin Flow's client bootstraps with an inline
     * script and evaluates the server's JavaScript calls; styles inline, because Vaadin's components
     * set element styles; images also as data: URIs (icons); the push and UIDL connection to 'self'.
     * No plugins, no other base URI, forms only to Indgang, and no framing (clickjacking).
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The dev login's shared password: the simulated MitID page sends it; it protects nothing real. */
    static final String DEV_PASSWORD = "mitid-test";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, Environment environment)
            throws Exception {
        http.authorizeHttpRequests(
                auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // Spring's error page (no trace, no message): an API client's 405 or 404 stays
                        // a 405 or 404 instead of becoming a redirect to the login page.
                        .requestMatchers("/error")
                        .permitAll());
        // The page header set (CSP, Referrer-Policy, nosniff, frame denial, HSTS) is written by
        // PageMethods in front of this chain, for every page including those Vaadin lets skip it.
        return switch (properties.mode()) {
            case DEV -> {
                if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
                    throw new IllegalStateException("indgang.security.mode=dev is not allowed with the prod profile");
                }
                yield http.with(
                                VaadinSecurityConfigurer.vaadin(),
                                vaadin -> vaadin.loginView("/login", "/login?logout"))
                        .build();
            }
            case OIDC ->
                http.with(
                                VaadinSecurityConfigurer.vaadin(),
                                vaadin -> vaadin.oauth2LoginPage(
                                        "/oauth2/authorization/"
                                                + properties.oidc().registrationId(),
                                        "/"))
                        .oauth2Login(oauth ->
                                oauth.userInfoEndpoint(info -> info.oidcUserService(oidcUserService(properties))))
                        .build();
        };
    }

    /** The test logins of the dev mode: citizens by CPR, staff by name. */
    @Bean
    UserDetailsService userDetailsService(SecurityProperties properties) {
        if (properties.mode() != SecurityProperties.Mode.DEV) {
            return new InMemoryUserDetailsManager();
        }
        var users = new java.util.ArrayList<org.springframework.security.core.userdetails.UserDetails>();
        for (var person : concat(TestPersons.CITIZENS, TestPersons.STAFF)) {
            users.add(User.withUsername(person.username())
                    .password("{noop}" + DEV_PASSWORD)
                    .roles(person.role())
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** Citizens are those with a CPR claim; staff roles come from the roles claim. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(SecurityProperties properties) {
        var delegate = new OidcUserService();
        return request -> {
            var user = delegate.loadUser(request);
            Set<GrantedAuthority> authorities = new HashSet<>();
            if (user.getClaimAsString(properties.oidc().cprClaim()) != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN));
            }
            var roles = user.getClaimAsStringList(properties.oidc().rolesClaim());
            if (roles != null) {
                roles.stream()
                        .filter(r -> r.equals(Roles.COUNTER) || r.equals(Roles.DESIGNER) || r.equals(Roles.CASEWORKER))
                        .forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
        };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        var all = new java.util.ArrayList<T>(a);
        all.addAll(b);
        return all;
    }
}
