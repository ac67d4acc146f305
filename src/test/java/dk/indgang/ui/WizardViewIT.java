package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Drafts;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.wizard.WizardView;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The wizard without a browser: the test form's conditional step, repeating group and computed values. */
@SpringBootTest
@ActiveProfiles("test")
class WizardViewIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Drafts drafts;

    @BeforeEach
    void loginAsMette() {
        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
    }

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
    }

    private static void click(String id) {
        KaribuFixtures.click(id);
    }

    private static String heading() {
        return KaribuFixtures.heading();
    }

    @Test
    void walksTheConditionalStepTheGroupAndTheComputedValuesToSubmit() {
        UI.getCurrent().navigate(FormsView.class);
        click("start-husstand-test");
        assertThat(heading()).isEqualTo("Om dig");

        click("wizard-next");
        assertThat(_get(Div.class, spec -> spec.withId("error-summary")).isVisible())
                .isTrue();
        var name = _get(TextField.class, spec -> spec.withId("field-navn"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Udfyld \u201dDit navn\u201d.");

        name.setValue("Mette Fiktiv Testesen");
        _get(DatePicker.class, spec -> spec.withId("field-foedselsdato")).setValue(LocalDate.of(1988, 3, 15));
        radio("field-harBoern").setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Dine børn");

        click("wizard-next");
        assertThat(_get(Div.class, spec -> spec.withId("error-summary"))
                        .getElement()
                        .getTextRecursively())
                .contains("Tilføj mindst 1.");
        click("field-boernListe-add");
        _get(TextField.class, spec -> spec.withId("field-boernListe-0--barnNavn"))
                .setValue("Ida");
        _get(TextField.class, spec -> spec.withId("field-boernListe-0--barnAlder"))
                .setValue("10");
        click("field-boernListe-add");
        _get(TextField.class, spec -> spec.withId("field-boernListe-1--barnNavn"))
                .setValue("Oskar");
        _get(TextField.class, spec -> spec.withId("field-boernListe-1--barnAlder"))
                .setValue("7");
        click("wizard-next");

        assertThat(heading()).isEqualTo("Økonomi");
        _get(TextField.class, spec -> spec.withId("field-husleje")).setValue("5000");
        _get(TextField.class, spec -> spec.withId("field-indkomst")).setValue("20000");
        assertThat(_get(TextField.class, spec -> spec.withId("field-antalBoern"))
                        .getValue())
                .isEqualTo("2");
        assertThat(_get(TextField.class, spec -> spec.withId("field-rest")).getValue())
                .isEqualTo("15.000,00 kr.");
        radio("field-boligType").setValue("leje");

        // Back to the first step: saying "no children" hides the children step, and Back skips it.
        click("wizard-back");
        click("wizard-back");
        assertThat(heading()).isEqualTo("Om dig");
        radio("field-harBoern").setValue(false);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Økonomi");
        assertThat(_get(TextField.class, spec -> spec.withId("field-antalBoern"))
                        .getValue())
                .isEqualTo("0");
        click("wizard-next");

        assertThat(heading()).isEqualTo("Tjek dine svar");
        assertThat(_find(H2.class).stream().map(H2::getText)).doesNotContain("Dine børn");
        click("wizard-submit");
        assertThat(heading()).isEqualTo("Dine svar er modtaget");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WizardView.class);
    }

    @Test
    void aFormWithADraftOffersToContinueItAndTheDraftIsDeletedOnlyAfterConfirming() {
        UI.getCurrent().navigate(FormsView.class);
        click("start-husstand-test");
        var draftId =
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().split("/")[1];

        UI.getCurrent().navigate(FormsView.class);
        click("continue-husstand-test");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WizardView.class);
        // One of her drafts of this form is continued (the newest; the tests' clock stands still).
        var continued =
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().split("/")[1];
        assertThat(drafts.openDrafts(Persons.METTE))
                .anyMatch(d -> d.id().toString().equals(continued) && d.formId().equals("husstand-test"));

        UI.getCurrent().navigate(FormsView.class);
        click("delete-" + draftId);
        click("delete-cancel-" + draftId);
        assertThat(drafts.openDrafts(Persons.METTE))
                .anyMatch(d -> d.id().toString().equals(draftId));
        click("delete-" + draftId);
        click("delete-confirm-" + draftId);
        assertThat(drafts.openDrafts(Persons.METTE))
                .noneMatch(d -> d.id().toString().equals(draftId));
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("delete-" + draftId)))
                .isEmpty();
    }

    @Test
    void aCitizenCannotOpenAnotherCitizensDraft() {
        var form = catalog.current("husstand-test").orElseThrow();
        var lonesDraft = drafts.start(form, Persons.LONE);
        UI.getCurrent().navigate("ansoegning/" + lonesDraft.id() + "/dig");
        assertThat(_find(H2.class)).isEmpty();
        assertThat(_get(H1.class).getText()).isEqualTo("Ansøgningen blev ikke fundet.");
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }
}
