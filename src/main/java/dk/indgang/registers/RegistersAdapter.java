package dk.indgang.registers;

import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Registers;
import dk.indgang.registers.bbr.BbrClient;
import dk.indgang.registers.cpr.CprClient;
import dk.indgang.registers.eindkomst.EindkomstClient;
import java.time.YearMonth;
import java.util.List;

/** The engine's {@link Registers} port over the three register clients, each behind its {@link RegisterCall}. */
public class RegistersAdapter implements Registers {

    private final CprClient cpr;
    private final EindkomstClient eindkomst;
    private final BbrClient bbr;
    private final RegisterCall cprCall;
    private final RegisterCall eindkomstCall;
    private final RegisterCall bbrCall;
    private final UserRateLimits limits;

    RegistersAdapter(
            CprClient cpr,
            EindkomstClient eindkomst,
            BbrClient bbr,
            RegisterCall cprCall,
            RegisterCall eindkomstCall,
            RegisterCall bbrCall,
            UserRateLimits limits) {
        this.cpr = cpr;
        this.eindkomst = eindkomst;
        this.bbr = bbr;
        this.cprCall = cprCall;
        this.eindkomstCall = eindkomstCall;
        this.bbrCall = bbrCall;
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

    List<RegisterCall> calls() {
        return List.of(cprCall, eindkomstCall, bbrCall);
    }
}
