package dk.indgang.registers.eindkomst;

import static dk.indgang.registers.Json.amount;
import static dk.indgang.registers.Json.date;
import static dk.indgang.registers.Json.text;

import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.registers.HttpFailures;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * eIndkomst through a REST/JSON façade of SF0770_A (docs/register-data.md, "eIndkomst"):
 * {@code GET /personer/{cpr}/indkomst?fra=YYYY-MM&til=YYYY-MM&soeg=dispositionsdato}.
 */
public final class EindkomstClient {

    public static final String ID = dk.indgang.definition.Register.EINDKOMST.id();

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    public EindkomstClient(RestClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    public LookupResult<RegisterData.Income> income(String cpr, YearMonth from, YearMonth to) {
        return HttpFailures.call(
                ID,
                () -> {
                    var body = http.get()
                            .uri(b -> b.path("/personer/{cpr}/indkomst")
                                    .queryParam("fra", from)
                                    .queryParam("til", to)
                                    .queryParam("soeg", "dispositionsdato")
                                    .build(cpr))
                            .retrieve()
                            .body(String.class);
                    var root = json.readTree(body);
                    if (!root.has("indberetninger")) {
                        throw new IllegalArgumentException("no indberetninger");
                    }
                    var records = new ArrayList<RegisterData.IncomeRecord>();
                    for (var r : root.get("indberetninger")) {
                        var start = date(r, "loenperiode", "start");
                        if (start == null) {
                            throw new IllegalArgumentException("a report without a pay period");
                        }
                        records.add(new RegisterData.IncomeRecord(
                                text(r, "virksomhedsnavn"),
                                start,
                                date(r, "loenperiode", "slut"),
                                date(r, "dispositionsdato"),
                                amount(r, "felter", "0013"),
                                amount(r, "felter", "0014"),
                                amount(r, "felter", "0015"),
                                amount(r, "felter", "0016")));
                    }
                    records.removeIf(r -> YearMonth.from(r.periodStart()).isBefore(from)
                            || YearMonth.from(r.periodStart()).isAfter(to));
                    records.sort(Comparator.comparing(RegisterData.IncomeRecord::periodStart)
                            .thenComparing(RegisterData.IncomeRecord::dispositionDate));
                    return LookupResult.found(
                            ID, new RegisterData.Income(cpr, from, to, List.copyOf(records)), clock.instant());
                },
                () -> LookupResult.notFound(ID, clock.instant()));
    }
}
