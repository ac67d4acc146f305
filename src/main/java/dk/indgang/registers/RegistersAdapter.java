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

    RegistersAdapter(
            CprClient cpr,
            EindkomstClient eindkomst,
            BbrClient bbr,
            RegisterCall cprCall,
            RegisterCall eindkomstCall,
            RegisterCall bbrCall) {
        this.cpr = cpr;
        this.eindkomst = eindkomst;
        this.bbr = bbr;
        this.cprCall = cprCall;
        this.eindkomstCall = eindkomstCall;
        this.bbrCall = bbrCall;
    }

    @Override
    public LookupResult<RegisterData.Person> person(String cprNumber, LookupContext context) {
        var key = cprNumber.replace("-", "");
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
        return eindkomstCall.lookup(
                "IndkomstOplysningPersonHent",
                "income:" + key + ":" + from + ":" + to,
                key,
                context,
                () -> eindkomst.income(key, from, to));
    }

    @Override
    public LookupResult<RegisterData.Dwelling> dwelling(String addressUuid, LookupContext context) {
        return bbrCall.lookup(
                "BBR/enhed", "dwelling:" + addressUuid, addressUuid, context, () -> bbr.dwelling(addressUuid));
    }

    List<RegisterCall> calls() {
        return List.of(cprCall, eindkomstCall, bbrCall);
    }
}
