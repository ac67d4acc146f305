package dk.indgang.registers.bbr;

import static dk.indgang.registers.Json.integer;
import static dk.indgang.registers.Json.text;

import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.registers.HttpFailures;
import java.time.Clock;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BBR on Datafordeleren (docs/register-data.md, "BBR unit"): the unit at a DAR address id, then its building.
 * Accepts the REST names with æøå and the GraphQL/ASCII names.
 */
public final class BbrClient {

    public static final String ID = dk.indgang.definition.Register.BBR.id();

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    public BbrClient(RestClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    public LookupResult<RegisterData.Dwelling> dwelling(String addressUuid) {
        return HttpFailures.call(
                ID,
                () -> {
                    var units = json.readTree(http.get()
                            .uri(b -> b.path("/enhed")
                                    .queryParam("AdresseIdentificerer", addressUuid)
                                    .queryParam("Format", "JSON")
                                    .build())
                            .retrieve()
                            .body(String.class));
                    if (!units.isArray()) {
                        throw new IllegalArgumentException("expected a list of units");
                    }
                    if (units.isEmpty()) {
                        return LookupResult.<RegisterData.Dwelling>notFound(ID, clock.instant());
                    }
                    var unit = units.get(0);
                    Integer year = null;
                    var buildingId = text(unit, "bygning");
                    if (buildingId != null) {
                        var buildings = json.readTree(http.get()
                                .uri(b -> b.path("/bygning")
                                        .queryParam("Id", buildingId)
                                        .queryParam("Format", "JSON")
                                        .build())
                                .retrieve()
                                .body(String.class));
                        if (buildings.isArray() && !buildings.isEmpty()) {
                            year = either(buildings.get(0), "byg026Opførelsesår", "byg026Opfoerelsesaar");
                        }
                    }
                    return LookupResult.found(ID, toDwelling(unit, year), clock.instant());
                },
                () -> LookupResult.notFound(ID, clock.instant()));
    }

    static RegisterData.Dwelling toDwelling(JsonNode unit, Integer buildingYear) {
        var area = either(unit, "enh026EnhedensSamledeAreal", "enh026EnhedensSamledeAreal");
        if (area == null || text(unit, "enh020EnhedensAnvendelse") == null) {
            throw new IllegalArgumentException("unit without area or usage");
        }
        var residential = either(unit, "enh027ArealTilBeboelse", "enh027ArealTilBeboelse");
        var rooms = either(unit, "enh031AntalVærelser", "enh031AntalVaerelser");
        return new RegisterData.Dwelling(
                text(unit, "adresseIdentificerer"),
                text(unit, "enh020EnhedensAnvendelse"),
                text(unit, "enh023Boligtype"),
                area,
                residential == null ? area : residential,
                rooms == null ? 0 : rooms,
                eitherText(unit, "enh034Køkkenforhold", "enh034Koekkenforhold"),
                text(unit, "enh032Toiletforhold"),
                text(unit, "enh033Badeforhold"),
                text(unit, "enh045Udlejningsforhold"),
                buildingYear);
    }

    private static Integer either(JsonNode node, String rest, String graphql) {
        var value = integer(node, rest);
        return value != null ? value : integer(node, graphql);
    }

    private static String eitherText(JsonNode node, String rest, String graphql) {
        var value = text(node, rest);
        return value != null ? value : text(node, graphql);
    }
}
