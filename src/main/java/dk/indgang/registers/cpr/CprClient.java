package dk.indgang.registers.cpr;

import static dk.indgang.registers.Json.at;
import static dk.indgang.registers.Json.bool;
import static dk.indgang.registers.Json.date;
import static dk.indgang.registers.Json.integer;
import static dk.indgang.registers.Json.text;
import static dk.indgang.registers.Json.unpad;

import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.registers.HttpFailures;
import dk.indgang.registers.RegisterProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CPR: the person through SF1520 PersonBaseDataExtended's {@code PersonLookup} (SOAP 1.1 on
 * Serviceplatformen, {@link Sf1520}), and who lives at an address through the municipality's CPR
 * address list ({@code GET /personliste?kommunekode&vejkode&husnummer&etage&sidedoer}). What it
 * reads: docs/register-data.md.
 */
public final class CprClient {

    public static final String ID = dk.indgang.definition.Register.CPR.id();

    private final RestClient personLookup;
    private final RestClient addresses;
    private final RegisterProperties.InvocationContext invocation;
    private final JsonMapper json;
    private final Clock clock;

    public CprClient(
            RestClient personLookup,
            RestClient addresses,
            RegisterProperties.InvocationContext invocation,
            JsonMapper json,
            Clock clock) {
        this.personLookup = personLookup;
        this.addresses = addresses;
        this.invocation = invocation;
        this.json = json;
        this.clock = clock;
    }

    public LookupResult<RegisterData.Person> person(String cpr) {
        return HttpFailures.call(
                ID,
                () -> {
                    var answer = personLookup
                            .post()
                            .uri(Sf1520.PATH)
                            .contentType(Sf1520.CONTENT_TYPE)
                            .header("SOAPAction", "\"" + Sf1520.ACTION + "\"")
                            .body(Sf1520.request(cpr, invocation))
                            .exchange((request, response) -> new Sf1520.Answer(
                                    response.getStatusCode().value(),
                                    new String(
                                            response.getBody().readAllBytes(),
                                            java.nio.charset.StandardCharsets.UTF_8)));
                    var tree = Sf1520.read(answer, json);
                    if (tree.isEmpty()) {
                        return LookupResult.<RegisterData.Person>notFound(ID, clock.instant());
                    }
                    var person = toPerson(tree.get());
                    return person.addressProtected()
                            ? LookupResult.isProtected(ID, person, clock.instant())
                            : LookupResult.found(ID, person, clock.instant());
                },
                () -> LookupResult.notFound(ID, clock.instant()));
    }

    public LookupResult<RegisterData.Household> household(RegisterData.RegisteredAddress address) {
        return HttpFailures.call(
                ID,
                () -> {
                    var body = addresses
                            .get()
                            .uri(b -> {
                                b.path("/personliste")
                                        .queryParam("kommunekode", address.municipalityCode())
                                        .queryParam("vejkode", address.roadCode())
                                        .queryParam("husnummer", address.houseNumber());
                                if (address.floor() != null) {
                                    b.queryParam("etage", address.floor());
                                }
                                if (address.door() != null) {
                                    b.queryParam("sidedoer", address.door());
                                }
                                return b.build();
                            })
                            .retrieve()
                            .body(String.class);
                    var root = json.readTree(body);
                    var members = new ArrayList<RegisterData.Household.Member>();
                    for (var row : root.path("person")) {
                        var isProtected = bool(row, "adressebeskyttelse");
                        var name = isProtected
                                ? null
                                : joinName(
                                        text(row, "navn", "fornavn"),
                                        text(row, "navn", "mellemnavn"),
                                        text(row, "navn", "efternavn"));
                        members.add(new RegisterData.Household.Member(
                                text(row, "gaeldendePersonnummer"), name, date(row, "foedselsdato"), isProtected));
                    }
                    return members.isEmpty()
                            ? LookupResult.<RegisterData.Household>notFound(ID, clock.instant())
                            : LookupResult.found(
                                    ID,
                                    new RegisterData.Household(address.addressUuid(), List.copyOf(members)),
                                    clock.instant());
                },
                () -> LookupResult.notFound(ID, clock.instant()));
    }

    static RegisterData.Person toPerson(JsonNode root) {
        var p = root.get("persondata");
        if (p == null || text(p, "personnummer") == null) {
            throw new IllegalArgumentException("no persondata.personnummer");
        }
        var a = at(root, "adresse", "aktuelAdresse");
        RegisterData.RegisteredAddress address = null;
        if (a != null && !a.isNull() && text(a, "AdresseUUID") != null) {
            address = new RegisterData.RegisteredAddress(
                    text(a, "AdresseUUID"),
                    integer(a, "kommunekode"),
                    integer(a, "vejkode"),
                    text(a, "vejnavn"),
                    unpad(text(a, "husnummer")),
                    unpad(text(a, "etage")),
                    text(a, "sidedoer"),
                    text(a, "postnummer"),
                    text(a, "postdistrikt"),
                    date(a, "tilflytningsdato", "dato"));
        }
        var relations = root.path("relationer");
        var children = new ArrayList<String>();
        relations.path("barn").forEach(c -> children.add(text(c, "personnummer")));
        var custody = new ArrayList<Integer>();
        relations.path("foraeldremyndighed").forEach(c -> custody.add(integer(c, "foraeldremyndighedtype")));
        var status = integer(p, "status", "status");
        return new RegisterData.Person(
                text(p, "gaeldendePersonnummer") != null ? text(p, "gaeldendePersonnummer") : text(p, "personnummer"),
                text(p, "navn", "fornavn"),
                text(p, "navn", "mellemnavn"),
                text(p, "navn", "efternavn"),
                date(p, "foedselsdato", "dato"),
                text(p, "koen"),
                status == null ? 0 : status,
                text(p, "civilstand", "civilstand"),
                address,
                bool(p, "adressebeskyttelse", "beskyttet"),
                bool(p, "tilmeldtDigitalpost"),
                bool(p, "DeltBopælMarkering"),
                List.copyOf(children),
                text(relations, "mor", "personnummer"),
                text(relations, "far", "personnummer"),
                List.copyOf(custody));
    }

    private static String joinName(String... parts) {
        return String.join(
                " ",
                java.util.Arrays.stream(parts)
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
    }
}
