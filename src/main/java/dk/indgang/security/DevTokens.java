package dk.indgang.security;

/** Mints short-lived API tokens for test persons; refuses outside the dev mode. */
public interface DevTokens {

    /** A bearer token for the headless form API, for the citizen with this CPR number. */
    String issue(String cpr);
}
