package dk.indgang.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Who is logged in: name, CPR (citizens only) and role, however they logged in. */
@Component
public class CurrentUser {

    private final SecurityProperties properties;

    CurrentUser(SecurityProperties properties) {
        this.properties = properties;
    }

    /** The signed-in user as the rest of the service sees them. */
    public record User(
            String username,
            String name,
            Optional<String> cpr,
            boolean citizen,
            boolean counter,
            boolean designer,
            boolean casework) {

        /** A citizen's own login, or staff without the benefits-centre role. */
        public User(
                String username,
                String name,
                Optional<String> cpr,
                boolean citizen,
                boolean counter,
                boolean designer) {
            this(username, name, cpr, citizen, counter, designer, false);
        }

        /** Staff who process and decide the municipality's cases (benefits centre). */
        public boolean decidesCases() {
            return casework && !citizen;
        }

        /** Staff acting for citizens at the counter or on the phone (never a citizen acting for themself). */
        public boolean caseworker() {
            return counter && !citizen;
        }

        /** Staff designing forms. */
        public boolean formDesigner() {
            return designer && !citizen;
        }
    }

    public Optional<User> get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getPrincipal() == null
                || "anonymousUser".equals(auth.getPrincipal())) {
            return Optional.empty();
        }
        return Optional.of(toUser(auth));
    }

    public User require() {
        return get().orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    private User toUser(Authentication auth) {
        var citizen = has(auth, Roles.CITIZEN);
        String name = auth.getName();
        Optional<String> cpr = Optional.empty();
        if (auth.getPrincipal() instanceof OidcUser oidc) {
            name = Optional.ofNullable(oidc.getFullName()).orElse(oidc.getSubject());
            cpr = Optional.ofNullable(oidc.getClaimAsString(properties.oidc().cprClaim()));
        } else {
            var person = TestPersons.byUsername(auth.getName());
            if (person.isPresent()) {
                name = person.get().name();
                cpr = Optional.ofNullable(person.get().cpr());
            }
        }
        return new User(
                auth.getName(),
                name,
                citizen ? cpr : Optional.empty(),
                citizen,
                has(auth, Roles.COUNTER),
                has(auth, Roles.DESIGNER),
                has(auth, Roles.CASEWORKER));
    }

    private static boolean has(Authentication auth, String role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
