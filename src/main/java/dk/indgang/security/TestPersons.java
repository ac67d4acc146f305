package dk.indgang.security;

import java.util.List;
import java.util.Optional;

/**
 * The fictitious people of the development logins (docs/registers.md, "The stubs"). Their CPR numbers fail
 * modulus 11 on purpose: no real person has them. Staff test users have no CPR.
 */
public final class TestPersons {

    /** One test login; {@code cpr} is null for staff. */
    public record TestPerson(
            String username, String cpr, String name, String role, String scenarioDa, String scenarioEn) {}

    public static final List<TestPerson> CITIZENS = List.of(
            new TestPerson(
                    "1503889984",
                    "1503889984",
                    "Mette Fiktiv Testesen",
                    Roles.CITIZEN,
                    "Enlig mor med to børn, lejer",
                    "Single mother of two, renter"),
            new TestPerson(
                    "1105829944",
                    "1105829944",
                    "Lone Prøvesen",
                    Roles.CITIZEN,
                    "Voksen uden slægtskab på samme adresse",
                    "Unrelated adult at the same address"),
            new TestPerson(
                    "0211859977",
                    "0211859977",
                    "Kasper Fiktivsen",
                    Roles.CITIZEN,
                    "Far med fælles forældremyndighed, bor et andet sted",
                    "Father with joint custody, lives elsewhere"),
            new TestPerson(
                    "0102039994",
                    "0102039994",
                    "Freja Testesen",
                    Roles.CITIZEN,
                    "Voksent barn, der bor hjemme",
                    "Adult child living at home"),
            new TestPerson(
                    "2409909966",
                    "2409909966",
                    "Sara Skjoldborg",
                    Roles.CITIZEN,
                    "Navne- og adressebeskyttelse",
                    "Name and address protection"),
            new TestPerson(
                    "1404829995",
                    "1404829995",
                    "Anders Testrup",
                    Roles.CITIZEN,
                    "Gift, ét barn i børnehave, høj husstandsindkomst",
                    "Married, one child in kindergarten, high household income"),
            new TestPerson("0807779951", "0807779951", "Henrik Udlandsen", Roles.CITIZEN, "Udrejst", "Emigrated"),
            new TestPerson(
                    "2106959991", "2106959991", "Bo Vandrer", Roles.CITIZEN, "Uden fast bopæl", "No fixed address"));

    public static final List<TestPerson> STAFF = List.of(
            new TestPerson(
                    "sagsbehandler",
                    null,
                    "Birgit Borgerservice",
                    Roles.COUNTER,
                    "Sagsbehandler i Borgerservice",
                    "Caseworker at the citizen-service counter"),
            new TestPerson(
                    "kontaktcenter",
                    null,
                    "Kim Kontaktcenter",
                    Roles.COUNTER,
                    "Medarbejder i Kontaktcenteret (telefon)",
                    "Contact-centre agent (phone)"),
            new TestPerson(
                    "ydelse",
                    null,
                    "Yrsa Ydelse",
                    Roles.CASEWORKER,
                    "Sagsbehandler i Ydelsescentret (afgør sager)",
                    "Caseworker in the benefits centre (decides cases)"),
            new TestPerson("designer", null, "Dorte Designer", Roles.DESIGNER, "Formulardesigner", "Form designer"));

    private TestPersons() {}

    public static Optional<TestPerson> byUsername(String username) {
        return java.util.stream.Stream.concat(CITIZENS.stream(), STAFF.stream())
                .filter(p -> p.username().equals(username))
                .findFirst();
    }
}
