package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.definition.FormLoader;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.Answers;
import dk.indgang.engine.ApplicantStanding;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Verdict;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People at the edges of CPR: what CPR says about the applicant is read once, and a protected
 * address — even one she states at the counter — is printed on no receipt.
 */
class ProtectedReceiptTest {

    private static final dk.indgang.definition.FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/registre-test.yaml"));

    private static RegisterData.Person person(String cpr, int status, boolean isProtected) {
        return new RegisterData.Person(
                cpr,
                "Sara",
                null,
                "Testperson",
                LocalDate.of(1990, 9, 24),
                "K",
                status,
                "U",
                null,
                isProtected,
                true,
                false,
                List.of(),
                null,
                null,
                List.of());
    }

    private static Map<String, LookupResult<?>> applicant(LookupResult<?> result) {
        return Map.of("ansoeger", result);
    }

    @Test
    void theApplicantsStandingIsReadFromHerOwnPersonLookup() {
        assertThat(ApplicantStanding.of(
                        FORM, applicant(LookupResult.isProtected("cpr", person(Persons.SARA, 1, true), TestClock.NOW))))
                .containsExactly(ApplicantStanding.PROTECTED_ADDRESS);
        assertThat(ApplicantStanding.of(
                        FORM, applicant(LookupResult.found("cpr", person(Persons.HENRIK, 80, false), TestClock.NOW))))
                .containsExactly(ApplicantStanding.EMIGRATED);
        assertThat(ApplicantStanding.of(
                        FORM, applicant(LookupResult.found("cpr", person(Persons.BO, 3, false), TestClock.NOW))))
                .containsExactly(ApplicantStanding.NO_FIXED_ADDRESS);
        assertThat(ApplicantStanding.of(
                        FORM, applicant(LookupResult.found("cpr", person(Persons.METTE, 1, false), TestClock.NOW))))
                .isEmpty();
        assertThat(ApplicantStanding.of(FORM, applicant(LookupResult.unavailable("cpr", TestClock.NOW, "503"))))
                .isEmpty();
        assertThat(ApplicantStanding.of(FORM, Map.of())).isEmpty();
    }

    @Test
    void anAddressStatedForAProtectedApplicantIsNotPrintedOnTheReceipt() {
        var session = new FormSession(FORM, new Answers(), TestClock.CLOCK);
        session.answer("navn", "Sara Testperson");
        session.answer("adresse", new AddressValue("Skjultvej", "3", null, null, "8000", "Aarhus C"));
        var plain = session.verdict();
        var verdict = new Verdict(
                plain.form(),
                plain.answers(),
                plain.evaluation(),
                plain.variables(),
                applicant(LookupResult.isProtected("cpr", person(Persons.SARA, 1, true), TestClock.NOW)),
                plain.today());
        var header = new ApplicationDocument.Header(
                UUID.randomUUID(),
                "IND-2026-000009",
                Channel.COUNTER,
                Persons.SARA,
                "Sara Testperson",
                "sagsbehandler",
                OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE));
        var receipt = ReceiptContents.of(
                "Aarhus Kommune", header, verdict, "ab", Locale.forLanguageTag("da"), Optional.empty());
        var text = receipt.sections().stream()
                .flatMap(s -> s.lines().stream())
                .map(l -> l.label() + ": " + l.value() + " " + l.mark())
                .toList();
        assertThat(text).noneMatch(l -> l.contains("Skjultvej"));
        assertThat(text).anyMatch(l -> l.contains("Beskyttet adresse – vises ikke på kvitteringen"));

        // the same address for someone without protection is printed as given
        var open = ReceiptContents.of(
                "Aarhus Kommune", header, plain, "ab", Locale.forLanguageTag("da"), Optional.empty());
        assertThat(open.sections().stream().flatMap(s -> s.lines().stream()))
                .anyMatch(l -> l.value().contains("Skjultvej"));
    }
}
