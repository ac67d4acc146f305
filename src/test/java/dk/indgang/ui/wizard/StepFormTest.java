package dk.indgang.ui.wizard;

import static dk.indgang.ui.wizard.WizardFixtures.HUSSTAND;
import static dk.indgang.ui.wizard.WizardFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.engine.FormSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one step renderer, on its own: fields by type, answers into the session, events out. */
class StepFormTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static StepForm form(FormSession session, String stepId, String prefix) {
        var step = HUSSTAND.steps().stream()
                .filter(s -> s.id().equals(stepId))
                .findFirst()
                .orElseThrow();
        return new StepForm(session, step, session.evaluate(), null, prefix);
    }

    @Test
    void rendersEveryFieldOfTheStepUnderItsPrefixedId() {
        var form = form(session(), "dig", "preview-");
        assertThat(form.paths()).containsExactly("navn", "foedselsdato", "email", "harBoern");
        assertThat(form.control("navn").orElseThrow().component().getId()).contains("preview-navn");
        assertThat(form.domId("boernListe[0].barnNavn")).isEqualTo("preview-boernListe-0--barnNavn");
    }

    @Test
    void aChoiceShownAsASelectRendersEmptyAndTakesAnAnswer() {
        var definition = new dk.indgang.definition.FormLoader().load("valg.yaml", """
                id: valg
                version: 1
                title: {da: "Valg", en: "Choice"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: kommune
                        type: choice
                        display: select
                        label: {da: "Kommune", en: "Municipality"}
                        options:
                          - {value: aarhus, label: {da: "Aarhus", en: "Aarhus"}}
                          - {value: odder, label: {da: "Odder", en: "Odder"}}
                """);
        var session = new FormSession(definition, new dk.indgang.engine.Answers(), dk.indgang.TestClock.CLOCK);
        var form = new StepForm(session, definition.steps().getFirst(), session.evaluate(), null, "field-");
        @SuppressWarnings("unchecked")
        var select = (com.vaadin.flow.component.select.Select<String>)
                form.control("kommune").orElseThrow().component();
        assertThat(select.getValue()).isNull();
        assertThat(select.getItemLabelGenerator().apply(null)).isNotNull();
        select.setValue("odder");
        assertThat(session.answers().get("kommune")).isEqualTo("odder");
        assertThat(select.getItemLabelGenerator().apply("odder")).isEqualTo("Odder");
    }

    @Test
    void anAnswerGoesIntoTheSessionAndTheFormSaysSo() {
        var session = session();
        var form = form(session, "dig", "field-");
        var changes = new ArrayList<String>();
        form.addChangeListener(e -> changes.add("changed"));
        ((TextField) form.control("navn").orElseThrow().component()).setValue("Mette");
        assertThat(session.answers().get("navn")).isEqualTo("Mette");
        assertThat(changes).hasSize(1);
        assertThat(form.shownValues()).containsEntry("navn", "Mette");
    }

    @Test
    void aRegistersAnswersAreShownInTheSameInputsWithoutBeingTakenAsHers() {
        var session = session();
        var form = form(session, "dig", "field-");
        var name = (TextField) form.control("navn").orElseThrow().component();
        var born = (com.vaadin.flow.component.datepicker.DatePicker)
                form.control("foedselsdato").orElseThrow().component();
        var changes = new ArrayList<String>();
        form.addChangeListener(e -> changes.add("changed"));
        var before = form.shownValues();
        // as a lookup's answer is applied: into the answers, with the register as the source
        session.answers().set("navn", "Mette Fiktiv Testesen");
        session.answers().set("foedselsdato", java.time.LocalDate.of(1988, 3, 15));
        session.answers()
                .setProvenance(
                        "navn",
                        dk.indgang.engine.Provenance.fromRegister(
                                "cpr", dk.indgang.TestClock.CLOCK.instant(), "Mette Fiktiv Testesen"));

        assertThat(form.showAnswers(before)).isTrue();
        assertThat(form.control("navn").orElseThrow().component()).isSameAs(name);
        assertThat(name.getValue()).isEqualTo("Mette Fiktiv Testesen");
        assertThat(born.getValue()).isEqualTo(java.time.LocalDate.of(1988, 3, 15));
        // not emitted again as typed: no change event, the register stays the value's source
        assertThat(changes).isEmpty();
        assertThat(session.answers().provenance("navn").source())
                .isEqualTo(dk.indgang.engine.Provenance.Source.REGISTER);
        // what she types afterwards is hers again
        name.setValue("Mette F. Testesen");
        assertThat(changes).hasSize(1);
        assertThat(session.answers().provenance("navn").source())
                .isEqualTo(dk.indgang.engine.Provenance.Source.CHANGED);
    }

    @Test
    void aGroupsNewItemsFromARegisterCallForANewLayout() {
        var session = session();
        session.answer("harBoern", true);
        var form = form(session, "boern", "field-");
        var before = form.shownValues();
        session.addItem("boernListe");
        assertThat(form.showAnswers(before)).isFalse();
    }

    @Test
    void anAnswerInAGroupsItemIsShownInItsOwnInput() {
        var session = session();
        session.answer("harBoern", true);
        session.addItem("boernListe");
        var form = form(session, "boern", "field-");
        var before = form.shownValues();
        session.answers().setInItem("boernListe", 0, "barnNavn", "Ida");
        assertThat(form.showAnswers(before)).isTrue();
        assertThat(((TextField) form.control("boernListe[0].barnNavn")
                                .orElseThrow()
                                .component())
                        .getValue())
                .isEqualTo("Ida");
    }

    @Test
    void leavingAFieldNamesItsPath() {
        var form = form(session(), "dig", "field-");
        var left = new ArrayList<String>();
        form.addLeaveListener(e -> left.add(e.path()));
        var name = (TextField) form.control("navn").orElseThrow().component();
        ComponentUtil.fireEvent(name, new BlurNotifier.BlurEvent<>(name, true));
        assertThat(left).containsExactly("navn");
    }

    @Test
    void anEmptyDateIsNotLeftWhenItsCalendarTakesTheFocus() {
        var session = session();
        var form = form(session, "dig", "field-");
        var left = new ArrayList<String>();
        form.addLeaveListener(e -> left.add(e.path()));
        var date = (com.vaadin.flow.component.datepicker.DatePicker)
                form.control("foedselsdato").orElseThrow().component();
        ComponentUtil.fireEvent(date, new BlurNotifier.BlurEvent<>(date, true));
        assertThat(left).isEmpty();
        session.answer("foedselsdato", java.time.LocalDate.of(1988, 3, 15));
        ComponentUtil.fireEvent(date, new BlurNotifier.BlurEvent<>(date, true));
        assertThat(left).containsExactly("foedselsdato");
    }

    @Test
    void errorsShowOnlyForFieldsTheCitizenHasLeft() {
        var session = session();
        var form = form(session, "dig", "field-");
        form.refresh(session.evaluate(), Set.of(), p -> null);
        var name = (TextField) form.control("navn").orElseThrow().component();
        assertThat(name.isInvalid()).isFalse();
        form.refresh(session.evaluate(), Set.of("navn"), p -> null);
        assertThat(name.isInvalid()).isTrue();
    }

    @Test
    void aGroupItemIsAddedWithItsFieldsAndRemovedAgain() {
        var session = session();
        session.answer("harBoern", true);
        var form = form(session, "boern", "field-");
        var changes = new ArrayList<String>();
        form.addChangeListener(e -> changes.add("changed"));
        button(form, "field-boernListe-add").click();
        assertThat(session.answers().items("boernListe")).hasSize(1);
        assertThat(form.paths()).contains("boernListe[0].barnNavn", "boernListe[0].barnAlder");

        ((TextField) form.control("boernListe[0].barnAlder").orElseThrow().component()).setValue("7");
        assertThat(session.answers().items("boernListe").getFirst()).containsEntry("barnAlder", 7L);

        button(form, "field-boernListe-remove-0").click();
        assertThat(session.answers().items("boernListe")).isEmpty();
        assertThat(form.paths()).doesNotContain("boernListe[0].barnNavn");
        assertThat(changes).hasSize(3);
    }

    private static Button button(StepForm form, String id) {
        return buttons(form).stream()
                .filter(b -> b.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<Button> buttons(StepForm form) {
        var found = new ArrayList<Button>();
        form.getChildren().forEach(c -> collect(c, found));
        return found;
    }

    private static void collect(com.vaadin.flow.component.Component c, List<Button> found) {
        if (c instanceof Button b) {
            found.add(b);
        }
        c.getChildren().forEach(child -> collect(child, found));
    }
}
