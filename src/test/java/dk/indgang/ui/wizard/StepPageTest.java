package dk.indgang.ui.wizard;

import static dk.indgang.ui.wizard.WizardFixtures.METTE;
import static dk.indgang.ui.wizard.WizardFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import dk.indgang.engine.FormSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A step of the wizard: Next goes on only when nothing blocks, and says why not. */
class StepPageTest {

    private final WizardFixtures.RecordingMode mode = new WizardFixtures.RecordingMode();

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void nextWithAMissingAnswerShowsTheSummaryAndStays() {
        var page = new StepPage(session(), "dig", mode, METTE, null);
        var moves = new ArrayList<Boolean>();
        page.addMoveListener(e -> moves.add(e.forward()));
        find(page, "wizard-next", Button.class).orElseThrow().click();
        assertThat(moves).isEmpty();
        assertThat(find(page, "error-summary", Component.class).orElseThrow().isVisible())
                .isTrue();
    }

    @Test
    void anAnswerThatShowsAStepShowsItInTheStepperAtOnce() {
        var session = session();
        var page = new StepPage(session, "dig", mode, METTE, null);
        assertThat(stepperText(page)).contains("About you", "Finances").doesNotContain("Your children");
        @SuppressWarnings("unchecked")
        var harBoern = (com.vaadin.flow.component.radiobutton.RadioButtonGroup<Boolean>)
                find(page, "field-harBoern", Component.class).orElseThrow();
        harBoern.setValue(true);
        assertThat(stepperText(page)).contains("About you", "Your children", "Finances");
        harBoern.setValue(false);
        assertThat(stepperText(page)).contains("About you", "Finances").doesNotContain("Your children");
    }

    private static String stepperText(StepPage page) {
        return page.getChildren()
                .filter(c -> c instanceof Stepper)
                .findFirst()
                .orElseThrow()
                .getElement()
                .getTextRecursively();
    }

    @Test
    void nextWithNothingBlockingMovesForwardAndBackMovesBack() {
        var session = complete();
        var page = new StepPage(session, "dig", mode, METTE, null);
        var moves = new ArrayList<Boolean>();
        page.addMoveListener(e -> moves.add(e.forward()));
        find(page, "wizard-next", Button.class).orElseThrow().click();
        find(page, "wizard-back", Button.class).orElseThrow().click();
        assertThat(moves).containsExactly(true, false);
        assertThat(find(page, "error-summary", Component.class).orElseThrow().isVisible())
                .isFalse();
    }

    @Test
    void aWarningOnTheStepGetsTheModesControlsAndOnlyThatStepShowsIt() {
        var session = complete();
        session.answer("husleje", new java.math.BigDecimal("9000"));
        session.answer("indkomst", new java.math.BigDecimal("5000"));
        session.answer("boligType", "leje");
        var onItsStep = new StepPage(session, "oekonomi", mode, METTE, null);
        assertThat(find(onItsStep, "rule-huslejeOverIndkomst", Component.class)).isPresent();
        assertThat(find(onItsStep, "controls-huslejeOverIndkomst", Component.class))
                .isPresent();

        var elsewhere = new StepPage(session, "dig", mode, METTE, null);
        assertThat(find(elsewhere, "rule-huslejeOverIndkomst", Component.class)).isEmpty();
    }

    @Test
    void aWarningStandsRightUnderTheFieldItConcernsAndTheSummaryLinksItsConfirmation() {
        var session = complete();
        session.answer("husleje", new java.math.BigDecimal("9000"));
        session.answer("indkomst", new java.math.BigDecimal("5000"));
        session.answer("boligType", "leje");
        var page = new StepPage(session, "oekonomi", mode, METTE, null);
        var field = find(page, "field-husleje", Component.class).orElseThrow();
        var warning = find(page, "rule-huslejeOverIndkomst", Component.class).orElseThrow();
        var fields = field.getParent().orElseThrow();
        var siblings = fields.getChildren().toList();
        assertThat(warning.getParent()).contains(fields);
        assertThat(siblings.indexOf(warning)).isEqualTo(siblings.indexOf(field) + 1);

        find(page, "wizard-next", Button.class).orElseThrow().click();
        var summary = find(page, "error-summary", Component.class).orElseThrow();
        // (the wording, "… Ret svaret, eller bekræft …", is walked in the browser test with translations)
        assertThat(summary.getElement().toString()).contains("#confirm-huslejeOverIndkomst");
    }

    @Test
    void lettersInANumberFieldAreNotDroppedButSaidToBeWrongAndStopNext() {
        var session = complete();
        var page = new StepPage(session, "oekonomi", mode, METTE, null);
        var moves = new ArrayList<Boolean>();
        page.addMoveListener(e -> moves.add(e.forward()));
        var rent = find(page, "field-husleje", com.vaadin.flow.component.textfield.TextField.class)
                .orElseThrow();
        rent.setValue("9000 om måneden");
        assertThat(rent.getValue()).isEqualTo("9000 om måneden");
        assertThat(rent.isInvalid()).isTrue();
        assertThat(rent.getErrorMessage()).contains("kroner");
        assertThat(session.answers().get("husleje")).isNull();

        find(page, "wizard-next", Button.class).orElseThrow().click();
        assertThat(moves).isEmpty();
        assertThat(find(page, "error-summary", Component.class)
                        .orElseThrow()
                        .getElement()
                        .toString())
                .contains("#field-husleje");

        rent.setValue("9000");
        assertThat(rent.isInvalid()).isFalse();
        assertThat(session.answers().get("husleje")).isEqualTo(new java.math.BigDecimal("9000"));
    }

    private static FormSession complete() {
        var session = session();
        session.answer("navn", "Mette");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", false);
        return session;
    }

    static <T extends Component> Optional<T> find(Component root, String id, Class<T> type) {
        if (id.equals(root.getId().orElse(null)) && type.isInstance(root)) {
            return Optional.of(type.cast(root));
        }
        return root.getChildren()
                .map(c -> find(c, id, type))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
