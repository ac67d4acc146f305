package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Answers to plain JSON values and back, as drafts are stored: nothing typed or recorded is lost. */
class ValueCodecTest {

    private static final FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/husstand-test.yaml"));

    @Test
    void answersSurviveTheRoundTripWithTheirTypesProvenanceAndAssistance() {
        var session = new FormSession(FORM, new Answers(), TestClock.CLOCK);
        session.answer("navn", "Mette");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("husleje", new BigDecimal("5123.50"));
        var i = session.addItem("boernListe");
        session.answerInItem("boernListe", i, "barnAlder", 10L);
        session.acknowledge("huslejeOverIndkomst", "Familien hjælper, æøå");
        session.override("ejerFaarIkke", "Tjekket i tingbogen", "sagsbehandler");
        session.answers().setProvenance("navn", new Provenance(Provenance.Source.CHANGED, "cpr", TestClock.NOW, "M."));
        var at = OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE);
        session.recordAssistance(new AssistanceRecord("counter", "sagsbehandler", "Birgit", "in-person", at, at));

        var read = ValueCodec.read(FORM, ValueCodec.write(session.answers()));

        assertThat(read.get("navn")).isEqualTo("Mette");
        assertThat(read.get("foedselsdato")).isEqualTo(LocalDate.of(1988, 3, 15));
        assertThat(read.get("husleje")).isEqualTo(new BigDecimal("5123.50"));
        assertThat(read.items("boernListe").getFirst()).containsEntry("barnAlder", 10L);
        assertThat(read.acknowledgements()).containsEntry("huslejeOverIndkomst", "Familien hjælper, æøå");
        assertThat(read.overrides()).containsEntry("ejerFaarIkke", "sagsbehandler");
        assertThat(read.provenance("navn").source()).isEqualTo(Provenance.Source.CHANGED);
        assertThat(read.assistance()).contains(session.answers().assistance().orElseThrow());
    }

    @Test
    void moneyStaysExactAndDatesAreIsoText() {
        var money = FORM.field("husleje").orElseThrow().type();
        assertThat(ValueCodec.toPlain(new BigDecimal("0.10"))).isEqualTo("0.10");
        assertThat(ValueCodec.fromPlain(money, "1234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(ValueCodec.toPlain(LocalDate.of(2026, 2, 28))).isEqualTo("2026-02-28");
        assertThat(ValueCodec.fromPlain(new FieldType.Date(null, null), "2026-02-28"))
                .isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
