package dk.indgang.engine;

import java.util.Optional;

/**
 * The register answers a form's lookups last got, per draft, for channels that rebuild the form on
 * every request (the form API): reading a draft then asks no register; a lookup runs again only when
 * its key changes or the remembered answer is older than the registers' cache time. The registers
 * module keeps it (it owns what is cached of the registers, and for how long).
 */
public interface LookupMemory {

    /** The session whose lookup answers to adopt, if still fresh. */
    Optional<FormSession> recall(String draft);

    void remember(String draft, FormSession session);
}
