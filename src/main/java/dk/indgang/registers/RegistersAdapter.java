package dk.indgang.registers;

import dk.indgang.engine.AddressValue;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Registers;
import dk.indgang.registers.bbr.BbrClient;
import dk.indgang.registers.cpr.CprClient;
import dk.indgang.registers.dar.DarClient;
import dk.indgang.registers.eindkomst.EindkomstClient;
import java.time.YearMonth;
import java.util.List;

/** The engine's {@link Registers} port over the three register clients, each behind its {@link RegisterCall}. */
public class RegistersAdapter implements Registers {

    private final CprClient cpr;
    private final EindkomstClient eindkomst;
    private final BbrClient bbr;
    private final DarClient dar;
    private final RegisterCall cprCall;
    private final RegisterCall eindkomstCall;
    private final RegisterCall bbrCall;
    private final RegisterCall darCall;
    private final UserRateLimits limits;
    private final UserRateLimits comparisons;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final java.time.Clock clock;

    RegistersAdapter(
            CprClient cpr,
            EindkomstClient eindkomst,
            BbrClient bbr,
            DarClient dar,
            RegisterCall cprCall,
            RegisterCall eindkomstCall,
            RegisterCall bbrCall,
            RegisterCall darCall,
            UserRateLimits limits,
            UserRateLimits comparisons,
            org.springframework.context.ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.comparisons = comparisons;
        this.events = events;
        this.clock = clock;
        this.cpr = cpr;
        this.eindkomst = eindkomst;
        this.bbr = bbr;
        this.cprCall = cprCall;
        this.eindkomstCall = eindkomstCall;
        this.bbrCall = bbrCall;
        this.dar = dar;
        this.darCall = darCall;
        this.limits = limits;
    }

    @Override
    public LookupResult<RegisterData.Person> person(String cprNumber, LookupContext context) {
        var key = cprNumber.replace("-", "");
        if (!limits.permit(context.actor())) {
            return limits.refused(CprClient.ID);
        }
        return cprCall.lookup("PersonLookup", "person:" + key, key, context, () -> cpr.person(key));
    }

    @Override
    public LookupResult<RegisterData.Household> household(
            RegisterData.RegisteredAddress address, LookupContext context) {
        var key = address.municipalityCode() + "/" + address.roadCode() + "/" + address.houseNumber() + "/"
                + address.floor() + "/" + address.door();
        return cprCall.lookup(
                "PersonListByAddress",
                "household:" + key,
                address.addressUuid(),
                context,
                () -> cpr.household(address));
    }

    @Override
    public LookupResult<RegisterData.Income> income(
            String cprNumber, YearMonth from, YearMonth to, LookupContext context) {
        var key = cprNumber.replace("-", "");
        if (!limits.permit(context.actor())) {
            return limits.refused(EindkomstClient.ID);
        }
        return eindkomstCall.lookup(
                "IndkomstOplysningPersonHent",
                "income:" + key + ":" + from + ":" + to,
                key,
                context,
                () -> eindkomst.income(key, from, to));
    }

    @Override
    public LookupResult<RegisterData.Dwelling> dwelling(String addressUuid, LookupContext context) {
        if (!limits.permit(context.actor())) {
            return limits.refused(BbrClient.ID);
        }
        return bbrCall.lookup(
                "BBR/enhed", "dwelling:" + addressUuid, addressUuid, context, () -> bbr.dwelling(addressUuid));
    }

    @Override
    public LookupResult<RegisterData.RegisteredAddress> address(AddressValue address, LookupContext context) {
        if (!limits.permit(context.actor())) {
            return limits.refused(DarClient.ID);
        }
        var key = address.key();
        return darCall.lookup(
                "adresser",
                "address:" + key,
                key.length() > 64 ? key.substring(0, 64) : key,
                context,
                () -> dar.find(address));
    }

    /**
     * A typed CPR number compared with other persons' data: 20 per user and citizen per 10 minutes (a household
     * never needs more; a sweep of serials stops at once) on top of the lookup allowance, and audited
     * as a lookup of that number ({@code CprComparison}), so the person asked about sees it too.
     */
    @Override
    public boolean confirmCpr(String cprNumber, LookupContext context) {
        var key = cprNumber.replace("-", "");
        // Per user and citizen: a counter caseworker helping many citizens has a budget for each.
        var permitted =
                comparisons.permit(context.actor() + "→" + context.onBehalfOfCpr()) && limits.permit(context.actor());
        if (permitted && events != null) {
            events.publishEvent(new RegisterLookupPerformed(
                    context.actor(),
                    context.onBehalfOfCpr(),
                    key,
                    CprClient.ID,
                    "CprComparison",
                    context.purpose(),
                    context.reference(),
                    LookupResult.Outcome.FOUND,
                    true,
                    0,
                    java.time.Instant.now(clock)));
        }
        return permitted;
    }

    /**
     * The same registers (the same HTTP clients and allowances) behind calls of their own: own
     * circuit breakers, retries, time limits, bulkheads, caches and metrics, for the designer.
     */
    RegistersAdapter isolated(
            RegisterProperties properties,
            RegisterCall.Resilience own,
            java.util.concurrent.ExecutorService executor,
            io.micrometer.core.instrument.MeterRegistry meters) {
        return new RegistersAdapter(
                cpr,
                eindkomst,
                bbr,
                dar,
                new RegisterCall(CprClient.ID, properties.cpr(), own, executor, events, clock, meters),
                new RegisterCall(EindkomstClient.ID, properties.eindkomst(), own, executor, events, clock, meters),
                new RegisterCall(BbrClient.ID, properties.bbr(), own, executor, events, clock, meters),
                new RegisterCall(DarClient.ID, properties.dar(), own, executor, events, clock, meters),
                limits,
                comparisons,
                events,
                clock);
    }

    List<RegisterCall> calls() {
        return List.of(cprCall, eindkomstCall, bbrCall, darCall);
    }
}
