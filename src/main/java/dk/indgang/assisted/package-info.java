/**
 * Assisted filing: a caseworker at the counter or on the phone acting for a citizen. Finds the
 * citizen in CPR with a stated purpose, records every view of their data, and starts or continues
 * drafts with the assistance (channel, caseworker, consent) on record. The counter workspace and the
 * wizard call it; they never ask a register or write the audit themselves.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "casework", "catalog", "definition", "engine", "submission"})
package dk.indgang.assisted;
