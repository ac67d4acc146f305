package dk.indgang.engine;

/**
 * Who asks a register, for whom and why: written to the audit log with every lookup.
 *
 * @param actor the logged-in user (a citizen's CPR-derived username, or a caseworker's user name)
 * @param onBehalfOfCpr the citizen the application is for
 * @param purpose why the data is needed, in words a citizen could read in an access request
 * @param reference the draft or application the lookup serves, if any
 */
public record LookupContext(String actor, String onBehalfOfCpr, String purpose, String reference) {}
