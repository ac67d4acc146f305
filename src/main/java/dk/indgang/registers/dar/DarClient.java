package dk.indgang.registers.dar;

import static dk.indgang.registers.Json.integer;
import static dk.indgang.registers.Json.text;

import dk.indgang.engine.AddressValue;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.registers.HttpFailures;
import java.time.Clock;
import java.util.Locale;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DAR, Danmarks Adresseregister: finds the address a citizen wrote (street, number, floor, door,
 * postcode) and gives its id, the key into BBR. Speaks the address search of the public address API
 * ({@code GET /adresser?vejnavn=&husnr=&etage=&dør=&postnr=&struktur=mini}); an exact match only, so
 * a wrong floor or door is "not found", never a neighbour's unit.
 */
public final class DarClient {

    public static final String ID = dk.indgang.definition.Register.DAR.id();

    private final RestClient http;
    private final JsonMapper json;
    private final Clock clock;

    public DarClient(RestClient http, JsonMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    public LookupResult<RegisterData.RegisteredAddress> find(AddressValue address) {
        return HttpFailures.call(
                ID,
                () -> {
                    var found = json.readTree(http.get()
                            .uri(b -> b.path("/adresser")
                                    .queryParam("vejnavn", address.street())
                                    .queryParam("husnr", address.number().toUpperCase(Locale.ROOT))
                                    .queryParam("etage", floor(address.floor()))
                                    .queryParam("dør", door(address.door()))
                                    .queryParam("postnr", address.postcode())
                                    .queryParam("struktur", "mini")
                                    .build())
                            .retrieve()
                            .body(String.class));
                    if (!found.isArray()) {
                        throw new IllegalArgumentException("expected a list of addresses");
                    }
                    if (found.size() != 1) {
                        return LookupResult.<RegisterData.RegisteredAddress>notFound(ID, clock.instant());
                    }
                    return LookupResult.found(ID, toAddress(found.get(0)), clock.instant());
                },
                () -> LookupResult.notFound(ID, clock.instant()));
    }

    static RegisterData.RegisteredAddress toAddress(JsonNode node) {
        if (text(node, "id") == null) {
            throw new IllegalArgumentException("address without id");
        }
        return new RegisterData.RegisteredAddress(
                text(node, "id"),
                integer(node, "kommunekode"),
                integer(node, "vejkode"),
                text(node, "vejnavn"),
                text(node, "husnr"),
                text(node, "etage"),
                text(node, "dør"),
                text(node, "postnr"),
                text(node, "postnrnavn"),
                null);
    }

    /** DAR writes floors as {@code st}, {@code kl}, {@code 1}–{@code 99}: "2." and "St." are the same. */
    static String floor(String floor) {
        var f = floor.strip().toLowerCase(Locale.ROOT);
        while (f.endsWith(".")) {
            f = f.substring(0, f.length() - 1).strip();
        }
        return f.equals("stuen") ? "st" : f.equals("kælder") ? "kl" : f;
    }

    /** Doors as {@code th}, {@code tv}, {@code mf} or numbers, lower case. */
    static String door(String door) {
        var d = door.strip().toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1).strip();
        }
        return d;
    }
}
