package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CprNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource({
        "150388-9984, 1988-03-15",
        "2006169986, 2016-06-20",
        "010203-9994, 2003-02-01",
        "120741-9958, 1941-07-12",
        "010160-5001, 1860-01-01",
        "010137-4001, 1937-01-01"
    })
    void resolvesTheCenturyFromTheSeventhDigit(String cpr, LocalDate birth) {
        assertThat(CprNumber.parse(cpr, TODAY).number())
                .hasValueSatisfying(n -> assertThat(n.birthDate()).isEqualTo(birth));
    }

    @Test
    void acceptsNumbersThatFailModulus11() {
        var parsed = CprNumber.parse("150388-9984", TODAY);
        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.number().orElseThrow().passesModulus11()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"310288-9999, DATE", "6103881234, DATE", "15038899, FORMAT", "010130-5001, FUTURE", "abcdefghij, FORMAT"
    })
    void rejectsWhatCannotBeACprNumber(String cpr, CprNumber.Problem problem) {
        assertThat(CprNumber.parse(cpr, TODAY).problem()).contains(problem);
    }

    @Test
    void masksTheSerialInLogs() {
        assertThat(CprNumber.mask(Persons.METTE)).isEqualTo("150388-XXXX");
    }
}
