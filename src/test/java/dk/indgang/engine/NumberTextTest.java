package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A number as typed is read exactly, or refused with what is wrong — never stripped of letters. */
class NumberTextTest {

    private static final Locale DA = Locale.forLanguageTag("da");
    private static final FieldType INT = new FieldType.Int(null, null);
    private static final FieldType MONEY = new FieldType.Money(null, null);
    private static final FieldType DECIMAL = new FieldType.Decimal(null, null);

    private static Object value(FieldType type, String text, Locale locale) {
        var read = NumberText.read(type, text, locale);
        assertThat(read.problem()).as(text).isNull();
        return read.value();
    }

    private static String problem(FieldType type, String text) {
        return NumberText.read(type, text, DA).problem();
    }

    @Test
    void danishAmountsAsPeopleWriteThem() {
        assertThat(value(MONEY, "1.234,50", DA)).isEqualTo(new BigDecimal("1234.50"));
        assertThat(value(MONEY, "1234,5", DA)).isEqualTo(new BigDecimal("1234.5"));
        assertThat(value(MONEY, "1234.50", DA)).isEqualTo(new BigDecimal("1234.50"));
        assertThat(value(MONEY, "1.500", DA)).isEqualTo(new BigDecimal("1500"));
        assertThat(value(MONEY, "24 000 kr.", DA)).isEqualTo(new BigDecimal("24000"));
        assertThat(value(MONEY, "-1.000,00", DA)).isEqualTo(new BigDecimal("-1000.00"));
        assertThat(value(INT, "92", DA)).isEqualTo(92L);
        assertThat(value(INT, "1.250", DA)).isEqualTo(1250L);
        assertThat(value(DECIMAL, "0,25", DA)).isEqualTo(new BigDecimal("0.25"));
        assertThat(value(INT, "  ", DA)).isNull();
    }

    @Test
    void englishSwapsCommaAndDot() {
        assertThat(value(MONEY, "1,234.50", Locale.ENGLISH)).isEqualTo(new BigDecimal("1234.50"));
        assertThat(value(MONEY, "1234,5", Locale.ENGLISH)).isEqualTo(new BigDecimal("1234.5"));
    }

    @Test
    void lettersAndHalfNumbersAreRefusedWithWhatIsWrong() {
        assertThat(problem(INT, "92 m2")).isEqualTo("number.text");
        assertThat(problem(INT, "tolv")).isEqualTo("number.text");
        assertThat(problem(INT, "9O")).isEqualTo("number.text");
        assertThat(problem(INT, "1e5")).isEqualTo("number.text");
        assertThat(problem(MONEY, "12abc")).isEqualTo("money.text");
        assertThat(problem(MONEY, "1.2.3")).isEqualTo("money.text");
        assertThat(problem(MONEY, "12,")).isEqualTo("money.text");
        assertThat(problem(INT, "12,5")).isEqualTo("number.whole");
        assertThat(problem(MONEY, "12,555")).isEqualTo("money.oere");
        assertThat(problem(INT, "1234567890123456")).isEqualTo("number.toolarge");
    }

    @Test
    void aValueIsShownForEditingInTheLanguagesDecimalMark() {
        assertThat(NumberText.show(new BigDecimal("8985.83"), DA)).isEqualTo("8985,83");
        assertThat(NumberText.show(new BigDecimal("8985.83"), Locale.ENGLISH)).isEqualTo("8985.83");
        assertThat(NumberText.show(92L, DA)).isEqualTo("92");
        assertThat(NumberText.show(null, DA)).isEmpty();
    }
}
