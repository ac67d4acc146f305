package dk.indgang.engine;

import java.time.YearMonth;

/**
 * The engine's port to the national registers. Adapters (module {@code registers}) make it
 * resilient, cached and audited; every method answers, never throws: a register that is slow or
 * down gives {@link LookupResult.Outcome#UNAVAILABLE}.
 */
public interface Registers {

    LookupResult<RegisterData.Person> person(String cpr, LookupContext context);

    /** Everyone registered at the CPR address of the given person. */
    LookupResult<RegisterData.Household> household(RegisterData.RegisteredAddress address, LookupContext context);

    LookupResult<RegisterData.Income> income(String cpr, YearMonth from, YearMonth to, LookupContext context);

    LookupResult<RegisterData.Dwelling> dwelling(String addressUuid, LookupContext context);
}
