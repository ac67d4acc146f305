package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engine's names for a field's place, written and read back. */
class FieldPathTest {

    @Test
    void aFieldInAGroupsItemIsWrittenAndReadBack() {
        var path = FieldPath.inItem("boernListe", 12, "barnNavn");
        assertThat(path).isEqualTo("boernListe[12].barnNavn");
        assertThat(FieldPath.item(path)).contains(new FieldPath("boernListe", 12, "barnNavn"));
        assertThat(FieldPath.topLevel(path)).isEqualTo("boernListe");
    }

    @Test
    void aTopLevelFieldIsNoItem() {
        assertThat(FieldPath.item("navn")).isEmpty();
        assertThat(FieldPath.item("liste[x].navn")).isEmpty();
        assertThat(FieldPath.topLevel("navn")).isEqualTo("navn");
    }
}
