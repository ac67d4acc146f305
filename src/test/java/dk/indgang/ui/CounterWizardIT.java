package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dk.indgang.ui.KaribuFixtures.click;
import static dk.indgang.ui.KaribuFixtures.heading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import dk.indgang.Persons;
import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.LookupAuditLog;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.counter.CounterView;
import dk.indgang.ui.wizard.WizardView;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Assisted filing browserless: a caseworker finds a citizen with a purpose, files boligstoette on
 * their behalf with a warning overridden by a written justification, and the application, receipt
 * and audit say so; hand-over both ways; citizens never reach the counter.
 */
@SpringBootTest(properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class CounterWizardIT {

    private static final String METTE = Persons.METTE;
    private static final String PURPOSE = "Borgeren vil søge boligstøtte ved skranken";

    @Autowired
    ApplicationContext context;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    CitizenAccessLog accessLog;

    @Autowired
    LookupAuditLog lookupAudit;

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
    }

    @SuppressWarnings("unchecked")
    private static <T> RadioButtonGroup<T> radio(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    private static void findCitizen(String cpr, Channel channel) {
        findCitizen(cpr, channel, PURPOSE);
    }

    private static void findCitizen(String cpr, Channel channel, String purpose) {
        UI.getCurrent().navigate(CounterView.class);
        KaribuFixtures.<Channel>radioById("counter-channel").setValue(channel);
        _get(TextField.class, spec -> spec.withId("counter-cpr")).setValue(cpr);
        _get(TextField.class, spec -> spec.withId("counter-purpose")).setValue(purpose);
        click("counter-find");
    }

    /** What lookup_audit stores for the lookups of one assisted filing, started in this UI language. */
    private java.util.Set<String> auditedPurposesFiledIn(java.util.Locale language) throws Exception {
        KaribuFixtures.loginAs(context, "sagsbehandler", "COUNTER");
        UI.getCurrent().setLocale(language);
        var purpose = "Sprogtest " + UUID.randomUUID();
        findCitizen("150388-9984", Channel.COUNTER, purpose);
        _get(Checkbox.class, spec -> spec.withId("counter-consent")).setValue(true);
        click("counter-start-boligstoette");
        KaribuFixtures.settleLookups();
        KaribuFixtures.logout();
        return lookupAudit.about(METTE, 500).stream()
                .map(LookupAuditLog.Entry::purpose)
                .filter(p -> p.contains(purpose))
                .map(p -> p.replace(purpose, "<purpose>"))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theAuditedPurposeOfAnAssistedLookupDoesNotDependOnTheCaseworkersLanguage() throws Exception {
        var danish = auditedPurposesFiledIn(java.util.Locale.forLanguageTag("da"));
        var english = auditedPurposesFiledIn(java.util.Locale.ENGLISH);
        // Finding the citizen is audited under the stated purpose; each form lookup under the form's
        // purpose, the channel and the stated purpose — in Danish, the record's language.
        assertThat(danish)
                .contains("<purpose>")
                .anySatisfy(p -> assertThat(p).startsWith("Boligstøtte: ").endsWith("(ved skranken: <purpose>)"));
        assertThat(english).isEqualTo(danish);
    }

    private static UUID draftId() {
        return UUID.fromString(
                UI.getCurrent().getInternals().getActiveViewLocation().getPath().split("/")[1]);
    }

    @Test
    void aCaseworkerFilesHousingBenefitForACitizenOverridingAWarningWithAJustification() throws Exception {
        KaribuFixtures.loginAs(context, "sagsbehandler", "COUNTER");
        UI.getCurrent().navigate(FormsView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CounterView.class);

        // A purpose is required before any lookup.
        _get(TextField.class, spec -> spec.withId("counter-cpr")).setValue("150388-9984");
        click("counter-find");
        assertThat(_get(TextField.class, spec -> spec.withId("counter-purpose")).isInvalid())
                .isTrue();
        findCitizen("150388-9984", Channel.COUNTER);
        assertThat(_get(H2.class, spec -> spec.withId("counter-citizen-name")).getText())
                .isEqualTo("Mette Fiktiv Testesen");

        // Without the citizen's consent no application starts.
        click("counter-start-boligstoette");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CounterView.class);
        _get(Checkbox.class, spec -> spec.withId("counter-consent")).setValue(true);
        click("counter-start-boligstoette");
        KaribuFixtures.settleLookups();
        assertThat(_get(Div.class, spec -> spec.withId("counter-banner"))
                        .getElement()
                        .getTextRecursively())
                .contains("Mette Fiktiv Testesen", "150388-XXXX", "Ved skranken");
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getValue())
                .isEqualTo("Mette Fiktiv Testesen");
        radio("field-boligForhold").setValue("leje");
        click("wizard-next");
        KaribuFixtures.settleLookups();
        radio("field-alleBorHer").setValue(true);
        radio("field-fremlejer").setValue(false);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Boligen");
        _get(TextField.class, spec -> spec.withId("field-areal")).setValue("90");
        assertThat(_get(TextField.class, spec -> spec.withId("field-areal")).getHelperText())
                .isEqualTo("Borgeren oplyser noget andet end BBR, som siger: 92");

        // The override needs a written justification.
        _get(Checkbox.class, spec -> spec.withId("confirm-arealAfviger")).setValue(true);
        assertThat(_get(Checkbox.class, spec -> spec.withId("confirm-arealAfviger"))
                        .getValue())
                .isFalse();
        assertThat(_get(TextArea.class, spec -> spec.withId("explain-arealAfviger"))
                        .isInvalid())
                .isTrue();
        _get(TextArea.class, spec -> spec.withId("explain-arealAfviger"))
                .setValue("Lejekontrakten siger 90 m²; set af sagsbehandler.");
        _get(Checkbox.class, spec -> spec.withId("confirm-arealAfviger")).setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Husleje");
        _get(TextField.class, spec -> spec.withId("field-maanedligHusleje")).setValue("7500");
        click("wizard-next");
        radio("field-samtykke").setValue(true);
        KaribuFixtures.settleLookups();
        _get(TextField.class, spec -> spec.withId("field-andreVoksnesIndkomst")).setValue("292560");
        _get(TextField.class, spec -> spec.withId("field-formue")).setValue("0");
        click("wizard-next");
        radio("field-erklaering").setValue(true);
        click("wizard-next");
        assertThat(heading()).isEqualTo("Tjek dine svar");

        // The declaration must be read aloud before sending.
        var id = draftId();
        click("wizard-submit");
        assertThat(heading()).isEqualTo("Tjek dine svar");
        _get(Checkbox.class, spec -> spec.withId("counter-declaration-read")).setValue(true);
        click("wizard-submit");
        assertThat(heading()).isEqualTo("Dine svar er modtaget");

        var application = submissions.ofDraft(id, METTE).orElseThrow();
        assertThat(application.channel()).isEqualTo(Channel.COUNTER);
        dk.indgang.submission.ApplicationSchema.assertValid(application.document());
        assertThat(application.document())
                .contains(
                        "\"channel\":\"counter\"",
                        "\"caseworker\":\"sagsbehandler\"",
                        "\"consent\":\"in-person\"",
                        "\"declarationReadAloud\"",
                        "\"overriddenBy\":\"sagsbehandler\"",
                        "\"field\":\"areal\"",
                        "Lejekontrakten siger 90 m²");
        var receipt = new String(
                submissions.receipt(application.id(), METTE).orElseThrow(),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(receipt).startsWith("%PDF");

        var accesses = accessLog.about(METTE);
        assertThat(accesses)
                .extracting(CitizenAccessLog.Entry::action)
                .contains(
                        CitizenAccessLog.Action.FIND_CITIZEN,
                        CitizenAccessLog.Action.VIEW_OVERVIEW,
                        CitizenAccessLog.Action.START_APPLICATION,
                        CitizenAccessLog.Action.SUBMIT_APPLICATION);
        // Every access is under a stated purpose; this filing's under this one (other tests share the log).
        assertThat(accesses).allSatisfy(a -> assertThat(a.purpose()).isNotBlank());
        assertThat(accesses)
                .filteredOn(
                        a -> a.actor().equals("sagsbehandler") && a.channel().equals("counter"))
                .extracting(CitizenAccessLog.Entry::purpose)
                .contains(PURPOSE);
        assertThat(lookupAudit.about(METTE)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("sagsbehandler");
            assertThat(e.purpose()).contains(PURPOSE);
        });

        // The citizen sees who has looked up their data, and why.
        KaribuFixtures.logout();
        KaribuFixtures.loginAs(context, METTE, "CITIZEN");
        UI.getCurrent().navigate(dk.indgang.ui.citizen.MyCasesView.class);
        var log = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("access-log"))
                .getElement()
                .getTextRecursively();
        assertThat(log)
                .contains("En medarbejder i Borgerservice (Ved skranken) så dine sager: " + PURPOSE)
                .contains("CPR: Boligstøtte")
                // the lookups made for her application, not only those keyed by her CPR number:
                // her home in BBR (keyed by its address) and the household at her address
                .contains("BBR: ")
                .doesNotContain("sagsbehandler");
    }

    @Test
    void handOverBothWaysAndAPhoneCallRecordsOralConsent() throws Exception {
        // The citizen's own draft, continued by the contact centre on the phone.
        var own = drafts.start(catalog.current("flytning").orElseThrow(), METTE);
        KaribuFixtures.loginAs(context, "sagsbehandler", "COUNTER");
        findCitizen("150388-9984", Channel.PHONE);
        _get(Checkbox.class, spec -> spec.withId("counter-consent")).setValue(true);
        click("counter-continue-" + own.id());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WizardView.class);
        assertThat(_get(Div.class, spec -> spec.withId("counter-banner"))
                        .getElement()
                        .getTextRecursively())
                .contains("I telefonen");
        var assisted = drafts.find(own.id(), METTE).orElseThrow();
        assertThat(assisted.answers().assistance().orElseThrow())
                .returns("phone", a -> a.channel())
                .returns("oral", a -> a.consent());
        KaribuFixtures.logout();

        // The citizen finishes the assisted draft online; the assistance stays on record.
        KaribuFixtures.loginAs(context, METTE, "CITIZEN");
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(WizardView.params(own.id(), "nyAdresse")));
        KaribuFixtures.settleLookups();
        assertThat(heading()).isEqualTo("Din nye adresse");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WizardView.class);
        assertThatThrownBy(() -> _get(Div.class, spec -> spec.withId("counter-banner")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void startingAFormTheCitizenHasADraftOfOffersToContinueItAtTheCounter() {
        var own = drafts.start(catalog.current("flytning").orElseThrow(), METTE);
        KaribuFixtures.loginAs(context, "sagsbehandler", "COUNTER");
        findCitizen("150388-9984", Channel.COUNTER);
        _get(Checkbox.class, spec -> spec.withId("counter-consent")).setValue(true);
        // Forms she has no draft of offer only a start.
        assertThatThrownBy(() -> _get(
                        com.vaadin.flow.component.button.Button.class,
                        spec -> spec.withId("counter-resume-boligstoette")))
                .isInstanceOf(AssertionError.class);
        var before = drafts.openDrafts(METTE).stream()
                .filter(d -> d.formId().equals("flytning"))
                .map(d -> d.id())
                .toList();
        assertThat(before).contains(own.id());
        click("counter-resume-flytning");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(WizardView.class);
        // One of her drafts, continued with the counter's assistance on record — not a new draft.
        var path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        var resumed = before.stream()
                .filter(id -> path.contains(id.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(drafts.openDrafts(METTE).stream().filter(d -> d.formId().equals("flytning")))
                .hasSize(before.size());
        assertThat(drafts.find(resumed, METTE).orElseThrow().answers().assistance())
                .isPresent();
        KaribuFixtures.logout();
    }

    @Test
    void aCitizenNeverReachesTheCounterAndACaseworkerOnlyTheCitizenTheyHelp() {
        KaribuFixtures.loginAs(context, METTE, "CITIZEN");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CounterView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        var draft = drafts.start(catalog.current("flytning").orElseThrow(), METTE);
        KaribuFixtures.logout();

        // A caseworker who has not found the citizen with a purpose cannot open their draft.
        KaribuFixtures.loginAs(context, "sagsbehandler", "COUNTER");
        UI.getCurrent().navigate(WizardView.class, new RouteParameters(WizardView.params(draft.id(), "nyAdresse")));
        assertThatThrownBy(() -> _get(Div.class, spec -> spec.withId("counter-banner")))
                .isInstanceOf(AssertionError.class);
        assertThat(accessLog.about(METTE))
                .noneSatisfy(a -> assertThat(a.reference()).isEqualTo(draft.id().toString()));
    }
}
