package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dk.indgang.ui.KaribuFixtures.click;
import static dk.indgang.ui.KaribuFixtures.heading;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.engine.AddressValue;
import dk.indgang.submission.Submissions;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.components.AddressField;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The real forms in forms/, completed in the wizard by test persons: application, receipt, assessment. */
@SpringBootTest(properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class RealFormsWizardIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Submissions submissions;

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
    }

    private static void settle() throws Exception {
        KaribuFixtures.settleLookups();
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String field) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("field-" + field));
    }

    private static TextField money(String field) {
        return _get(TextField.class, spec -> spec.withId("field-" + field));
    }

    private static UUID draftId() {
        return UUID.fromString(
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().split("/")[1]);
    }

    /** Logs in as a test person, starts the form and lets its lookups answer. */
    private void start(String cpr, String formId) throws Exception {
        KaribuFixtures.loginAs(context, cpr, "CITIZEN");
        UI.getCurrent().navigate(FormsView.class);
        click("start-" + formId);
        settle();
    }

    /**
     * Submits from the review page; the application is schema-valid and has a receipt.
     *
     * @return the application document
     */
    private String submitted(String cpr) {
        var id = draftId();
        click("wizard-submit");
        assertThat(heading()).isEqualTo("Dine svar er modtaget");
        var application = submissions.ofDraft(id, cpr).orElseThrow();
        dk.indgang.submission.ApplicationSchema.assertValid(application.document());
        assertThat(submissions.receipt(application.id(), cpr)).isPresent();
        return application.document();
    }

    @Test
    void metteAppliesForHousingBenefitAndSeesTheEstimateBeforeSending() throws Exception {
        start(Persons.METTE, "boligstoette");
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getValue())
                .isEqualTo("Mette Fiktiv Testesen");
        radio("boligForhold").setValue("leje");
        click("wizard-next");
        settle();
        assertThat(heading()).isEqualTo("Din husstand");
        assertThat(_get(TextField.class, spec -> spec.withId("field-tilmeldteCpr"))
                        .getValue())
                .contains("Mette Fiktiv Testesen", "Ida Testesen (10 år)", "Lone Prøvesen");
        radio("alleBorHer").setValue(true);
        radio("fremlejer").setValue(false);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Boligen");
        click("wizard-next");
        money("maanedligHusleje").setValue("7500");
        click("wizard-next");
        assertThat(heading()).isEqualTo("Indkomst og formue");
        radio("samtykke").setValue(true);
        settle();
        assertThat(money("egenIndkomst").getValue()).isEqualTo("221830,00");
        money("andreVoksnesIndkomst").setValue("292560");
        money("formue").setValue("0");
        click("wizard-next");
        radio("erklaering").setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Tjek dine svar");
        assertThat(_get(Paragraph.class, spec -> spec.withId("assessment-amount"))
                        .getText())
                .isEqualTo("Skøn: 34,00 kr. pr. måned");
        assertThat(submitted(Persons.METTE))
                .contains(
                        "\"amount\":\"34\"", "\"period\":\"month\"", "\"nonBinding\":true", "\"result\":\"eligible\"");
    }

    @Test
    void kasperAppliesForChildAllowanceAndSeesTheQuarterlyEstimate() throws Exception {
        start(Persons.KASPER, "boernetilskud");
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getValue())
                .isEqualTo("Kasper Fiktivsen");
        click("wizard-next");
        settle();
        assertThat(heading()).isEqualTo("Dine børn");
        assertThat(_get(TextField.class, spec -> spec.withId("field-antalBoern"))
                        .getValue())
                .isEqualTo("1");
        assertThat(_get(TextField.class, spec -> spec.withId("field-boernICpr")).getValue())
                .contains("Malte Fiktivsen (13)");
        click("wizard-next");
        assertThat(heading()).isEqualTo("Enlig forsørger");
        radio("samlevende").setValue(false);
        radio("enligErklaering").setValue(true);
        click("wizard-next");
        radio("erklaering").setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Tjek dine svar");
        assertThat(_get(Paragraph.class, spec -> spec.withId("assessment-amount"))
                        .getText())
                .isEqualTo("Skøn: 3.515,00 kr. pr. kvartal");
        assertThat(submitted(Persons.KASPER))
                .contains("\"amount\":\"3515\"", "\"period\":\"quarter\"", "\"register\":\"cpr\"");
    }

    @Test
    void kasperReportsAMoveAndTheNewAddressIsCheckedInBbrAsHeTypes() throws Exception {
        start(Persons.KASPER, "flytning");
        var address = _get(AddressField.class, spec -> spec.withId("field-nyAdresse"));
        address.setValue(new AddressValue("Sommerstien", "9", "", "", "8400", "Ebeltoft"));
        settle();
        _get(DatePicker.class, spec -> spec.withId("field-flytteDato"))
                .setValue(TestClock.today().plusDays(3));
        click("wizard-next");
        assertThat(_get(Div.class, spec -> spec.withId("rule-ikkeHelaarsbolig"))
                        .getElement()
                        .getTextRecursively())
                .contains("ikke en helårsbolig");
        address.setValue(new AddressValue("Testvej", "12", "2.", "th", "8000", "Aarhus C"));
        settle();
        click("wizard-next");
        assertThat(heading()).isEqualTo("Hvem flytter med?");
        radio("alleFlytterMed").setValue(true);
        click("wizard-next");
        radio("adressebeskyttelse").setValue(false);
        radio("erklaering").setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Tjek dine svar");
        assertThat(submitted(Persons.KASPER)).contains("Testvej", "\"lookup\":\"nyBolig\"", "\"register\":\"bbr\"");
    }
}
