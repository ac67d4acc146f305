package dk.indgang.delivery;

import static dk.indgang.delivery.DigitalPostRecords.xpath;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.registers.DigitalPostSimulator;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The MeMo writer: what it writes is valid MeMo in a kombi request, and says what the letter is. */
class MeMoTest {

    private static MeMo.Letter letter(String label, LocalDate replyBy, MeMo.Kle kle) {
        return new MeMo.Letter(
                UUID.fromString("8c2ea15d-61fb-4ba9-9366-42f8b194c114"),
                "IND-2026-000001",
                label,
                new MeMo.Sender("55133018", "Aarhus Kommune"),
                "1503889984",
                replyBy,
                "IND-2026-000001",
                kle,
                TestClock.NOW,
                "brev-IND-2026-000001.pdf",
                "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new MeMo.Action("Se din sag under Mine sager", "SELVBETJENING", "https://indgang.example/mine-sager"));
    }

    @Test
    void aLetterIsValidMeMoInAnAutomaticKombiRequest() {
        var kombi =
                MeMo.kombiRequest(letter("Afgørelse: <hjælp> & støtte", null, new MeMo.Kle("32.18.04", "G01", null)));
        assertThat(DigitalPostSimulator.problemWith(kombi)).isEmpty();
        assertThat(xpath(kombi, "/kombi_request/KombiValgKode")).isEqualTo(MeMo.AUTOMATIC);
        // Special characters are written as text, not markup.
        assertThat(xpath(kombi, "//*[local-name()='MessageHeader']/*[local-name()='label']"))
                .isEqualTo("Afgørelse: <hjælp> & støtte");
        assertThat(xpath(kombi, "//*[local-name()='KLEdata']/*[local-name()='subjectKey']"))
                .isEqualTo("32.18.04");
        assertThat(xpath(kombi, "//*[local-name()='reply']")).isEmpty();
        assertThat(xpath(kombi, "//*[local-name()='createdDateTime']")).isEqualTo(TestClock.NOW.toString());
    }

    @Test
    void aRequestSaysItsAnswerDateAsTheEndOfThatDayInDenmark() {
        var kombi = MeMo.kombiRequest(letter("Vi mangler oplysninger", LocalDate.of(2026, 7, 1), null));
        assertThat(DigitalPostSimulator.problemWith(kombi)).isEmpty();
        assertThat(xpath(kombi, "//*[local-name()='reply']")).isEqualTo("true");
        // Summer time: 23:59:59 in Copenhagen is 21:59:59 UTC.
        assertThat(xpath(kombi, "//*[local-name()='replyByDateTime']")).isEqualTo("2026-07-01T21:59:59Z");
        assertThat(xpath(kombi, "//*[local-name()='KLEdata']")).isEmpty();
    }

    @Test
    void aLabelLongerThanDigitalPostTakesIsRefusedByTheSchema() {
        var kombi = MeMo.kombiRequest(letter("x".repeat(151), null, null));
        assertThat(DigitalPostSimulator.problemWith(kombi))
                .hasValueSatisfying(p -> assertThat(p).contains("label"));
    }
}
