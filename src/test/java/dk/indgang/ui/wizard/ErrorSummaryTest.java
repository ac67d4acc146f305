package dk.indgang.ui.wizard;

import static dk.indgang.ui.wizard.WizardFixtures.HUSSTAND;
import static dk.indgang.ui.wizard.WizardFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Anchor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The error summary: hidden until something blocks, then a focused alert linking every finding. */
class ErrorSummaryTest {

    @BeforeEach
    void vaadin() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void linksEachBlockingFindingToItsField() {
        var session = session();
        var evaluation = session.evaluate();
        var form = new StepForm(session, HUSSTAND.steps().getFirst(), evaluation, null, "field-");
        var summary = new ErrorSummary();
        assertThat(summary.showing()).isFalse();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");

        summary.show(evaluation.blocking("dig"), evaluation, form);
        assertThat(summary.showing()).isTrue();
        assertThat(links(summary)).containsExactlyInAnyOrder("#field-navn", "#field-foedselsdato", "#field-harBoern");

        summary.hide();
        assertThat(summary.showing()).isFalse();
        assertThat(links(summary)).isEmpty();
    }

    private static List<String> links(com.vaadin.flow.component.Component root) {
        var found = new ArrayList<String>();
        collect(root, found);
        return found;
    }

    private static void collect(com.vaadin.flow.component.Component c, List<String> found) {
        if (c instanceof Anchor a) {
            found.add(a.getHref());
        }
        c.getChildren().forEach(child -> collect(child, found));
    }
}
