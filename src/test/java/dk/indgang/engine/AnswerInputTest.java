package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers at the edge: the field's type, bounded, written out plainly — or refused with the path. */
class AnswerInputTest {

    private static final FieldType MONEY = new FieldType.Money(null, null);
    private static final FieldType INT = new FieldType.Int(null, null);
    private static final FieldType YES_NO = new FieldType.YesNo();
    private static final FieldType DATE = new FieldType.Date(null, null);

    private static void refused(FieldType type, Object value) {
        assertThatThrownBy(() -> AnswerInput.parse(type, value, "values.x"))
                .isInstanceOf(AnswerInput.Refused.class)
                .satisfies(e -> assertThat(((AnswerInput.Refused) e).path()).startsWith("values.x"));
    }

    @Test
    void amountsAreWrittenOutBoundedAndExact() {
        assertThat(AnswerInput.parse(MONEY, "1234,50", "p")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(AnswerInput.parse(MONEY, 1234.5, "p")).isEqualTo(new BigDecimal("1234.5"));
        assertThat(AnswerInput.parse(MONEY, 100, "p")).isEqualTo(new BigDecimal("100"));
        refused(MONEY, "1e300000");
        refused(MONEY, "1E3");
        refused(MONEY, Double.POSITIVE_INFINITY);
        refused(MONEY, "1234567890123456");
        refused(MONEY, "100.555");
        refused(MONEY, new BigDecimal("1E+400"));
        refused(MONEY, List.of(1));
    }

    @Test
    void integersAreWholeAndInRange() {
        assertThat(AnswerInput.parse(INT, 3, "p")).isEqualTo(3L);
        assertThat(AnswerInput.parse(INT, "12", "p")).isEqualTo(12L);
        assertThat(AnswerInput.parse(INT, 4.0, "p")).isEqualTo(4L);
        refused(INT, new BigInteger("18446744073709551618"));
        refused(INT, 3.5);
        refused(INT, "tre");
    }

    @Test
    void yesNoIsOnlyTrueOrFalse() {
        assertThat(AnswerInput.parse(YES_NO, true, "p")).isEqualTo(true);
        assertThat(AnswerInput.parse(YES_NO, "false", "p")).isEqualTo(false);
        refused(YES_NO, "ja");
        refused(YES_NO, 1);
        refused(YES_NO, List.of(true));
    }

    @Test
    void datesAreInTheCalendarAndInAPlausibleYear() {
        assertThat(AnswerInput.parse(DATE, "2026-11-22", "p")).isEqualTo(LocalDate.of(2026, 11, 22));
        refused(DATE, "0000-01-01");
        refused(DATE, "2026-02-30");
        refused(DATE, "22-11-2026");
    }

    @Test
    void textsAndFilesAreBounded() {
        refused(new FieldType.Email(), "x".repeat(AnswerInput.MAX_SHORT_TEXT + 1));
        refused(new FieldType.Address(), Map.of("street", "x".repeat(1_000_000)));
        refused(new FieldType.Address(), Map.of("gade", "Testvej"));
        var attachment = new FieldType.Attachment(List.of("pdf"), 1, 1);
        refused(
                attachment,
                List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf", "sha256", "ab".repeat(32))));
        refused(
                attachment,
                List.of(Map.of(
                        "name", "a.pdf", "mediaType", "application/pdf", "size", -1, "sha256", "ab".repeat(32))));
        refused(
                attachment,
                List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf", "size", 1, "sha256", "fake")));
    }

    @Test
    void aStoredNumberThatIsNotPlainStaysTextAndIsCheapToWrite() {
        assertThat(ValueCodec.fromPlain(MONEY, "1e300000")).isEqualTo("1e300000");
        assertThat(ValueCodec.fromPlain(MONEY, "100.555")).isEqualTo(new BigDecimal("100.555"));
        assertThat((String) ValueCodec.toPlain(new BigDecimal("1E+300000"))).hasSizeLessThan(20);
    }
}
