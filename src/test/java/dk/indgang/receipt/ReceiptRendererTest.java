package dk.indgang.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** The receipt is archivable: veraPDF finds it PDF/A-2b compliant, and its text carries æ, ø, å. */
class ReceiptRendererTest {

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static ReceiptContent content(int answers) {
        var lines = new ArrayList<ReceiptContent.Line>();
        for (int i = 0; i < answers; i++) {
            lines.add(new ReceiptContent.Line(
                    "Spørgsmål " + i + " om økonomi og årsindkomst",
                    "Et langt svar med æ, ø og å, der skal brydes over flere linjer, fordi det er længere end kolonnen er bred. "
                            .repeat(1 + i % 3),
                    i % 4 == 0 ? "✓ Fra CPR" : null));
        }
        return new ReceiptContent(
                "da",
                "Aarhus Kommune",
                "Kvittering for din ansøgning",
                "Ansøgning om boligstøtte",
                List.of(
                        new ReceiptContent.Line("Kvitteringsnummer", "IND-2026-000123", null),
                        new ReceiptContent.Line("Modtaget", "22-11-2026 kl. 12.00", null)),
                List.of(new ReceiptContent.Section("Om dig", lines)),
                new ReceiptContent.Section(
                        "Vejledende afklaring", List.of(new ReceiptContent.Line("Skøn", "1.234 kr. pr. måned", null))),
                "Hvad sker der nu?",
                List.of("Vi behandler din ansøgning. Du får svar i Digital Post."),
                "SHA-256 af ansøgningen: " + "ab".repeat(32));
    }

    static void assertPdfA2b(byte[] pdf) throws Exception {
        try (var parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
            var result = Foundries.defaultInstance()
                    .createValidator(PDFAFlavour.PDFA_2_B, false)
                    .validate(parser);
            assertThat(result.isCompliant())
                    .as(result.getTestAssertions().toString())
                    .isTrue();
        }
    }

    /** A receipt of one answer, for what its title, author and one value do. */
    static ReceiptContent oneAnswer(String municipality, String title, ReceiptContent.Line answer) {
        return new ReceiptContent(
                "da",
                municipality,
                "Kvittering",
                title,
                List.of(answer),
                List.of(),
                null,
                "Hvad sker der nu?",
                List.of(),
                "");
    }

    @Test
    void isPdfA2bWithTheDanishLettersAndTheReceiptNumber() throws Exception {
        var pdf = new ReceiptRenderer(dk.indgang.TestClock.CLOCK).render(content(60));
        assertPdfA2b(pdf);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            var text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("IND-2026-000123", "æ", "ø", "å", "Ansøgning om boligstøtte", "Hvad sker der nu?");
        }
    }

    @Test
    void drawsWhatTheFontCannotAsAQuestionMarkAndKeepsTheRest() throws Exception {
        var content = oneAnswer(
                "Aarhus & Omegn <Kommune>",
                "Ansøgning om hjælp & støtte",
                new ReceiptContent.Line("Navn", "Ærø Ωmega Жанна \u4e2d \u0ba4 slut", null));
        var pdf = new ReceiptRenderer(dk.indgang.TestClock.CLOCK).render(content);
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ærø Ωmega Жанна ? ? slut", "Aarhus & Omegn <Kommune>");
            var xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp)
                    .contains("Kvittering – Ansøgning om hjælp &amp; støtte", "Aarhus &amp; Omegn &lt;Kommune&gt;")
                    .contains("pdfaid:part>2<", "pdfaid:conformance>B<")
                    .contains(org.apache.xmpbox.DateConverter.toISO8601(
                            java.util.GregorianCalendar.from(java.time.ZonedDateTime.now(dk.indgang.TestClock.CLOCK))))
                    .doesNotContain("INDGANG-XMP", "1901");
        }
    }

    @Test
    void aTitleWithControlCharactersStillMakesAnArchivableReceipt() throws Exception {
        var content = oneAnswer(
                "Aarhus\u0000Kommune",
                "Ansøgning\u0007om\tstøtte \uD83D\uDE00 \uFFFF\uD800",
                new ReceiptContent.Line("Navn", "Mette", null));
        var pdf = new ReceiptRenderer(dk.indgang.TestClock.CLOCK).render(content);
        assertPdfA2b(pdf);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Kvittering – Ansøgning om støtte \uD83D\uDE00   ");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Aarhus Kommune");
        }
    }
}
