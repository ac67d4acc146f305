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

    /**
     * An address as a citizen wrote it, found in DAR (Danmarks Adresseregister): its id (the key into
     * BBR) and its parts as DAR spells them; NOT_FOUND when DAR has no such address.
     */
    LookupResult<RegisterData.RegisteredAddress> address(AddressValue address, LookupContext context);

    /**
     * May a CPR number the user typed be compared with register data about other persons (e.g. "is
     * this person registered at my address?")? Such a comparison answers a question about someone
     * else, so it counts against the user's allowance and is audited like a lookup; false: not now.
     */
    default boolean confirmCpr(String cpr, LookupContext context) {
        return true;
    }
}
