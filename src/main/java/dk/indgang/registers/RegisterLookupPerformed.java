package dk.indgang.registers;

import dk.indgang.engine.LookupResult;
import java.time.Instant;

/**
 * A register lookup happened (also when answered from the cache): who, on whose behalf, whose
 * key, which register, why, the outcome and when. The audit module keeps these.
 */
public record RegisterLookupPerformed(
        String actor,
        String onBehalfOfCpr,
        String subjectKey,
        String register,
        String service,
        String purpose,
        String reference,
        LookupResult.Outcome outcome,
        boolean fromCache,
        long durationMillis,
        Instant at) {}
