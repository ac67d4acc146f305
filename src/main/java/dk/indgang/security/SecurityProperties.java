package dk.indgang.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people log in. {@code dev}: simulated MitID with test persons (refused when the {@code prod}
 * profile is active). {@code oidc}: a real identity provider (NemLog-in via a broker, or the
 * municipality's own for staff) configured under {@code spring.security.oauth2.client}.
 */
@ConfigurationProperties("indgang.security")
public record SecurityProperties(
        @DefaultValue("dev") Mode mode, @DefaultValue Oidc oidc) {

    public enum Mode {
        DEV,
        OIDC
    }

    /**
     * @param registrationId the client registration to log in with
     * @param cprClaim the claim carrying the citizen's CPR number (OIO-SAML 3 / NemLog-in name)
     * @param rolesClaim the claim listing staff roles (COUNTER, CASEWORKER, DESIGNER); absent for citizens
     */
    public record Oidc(
            @DefaultValue("nemlogin") String registrationId,

            @DefaultValue("https://data.gov.dk/model/core/eid/cprNumber")
            String cprClaim,

            @DefaultValue("roles") String rolesClaim) {}
}
