package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dk.indgang.ui.KaribuFixtures.click;
import static dk.indgang.ui.KaribuFixtures.heading;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.Persons;
import dk.indgang.audit.LookupAuditLog;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.Provenance;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Drafts;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.components.AddressField;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The wizard with live register lookups against the WireMock stubs: prefill, and CPR being down. */
@SpringBootTest
@ActiveProfiles("test")
class WizardRegistersIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    StubRegisters stubs;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    Drafts drafts;

    @Autowired
    LookupAuditLog audit;

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
        stubs.server().resetToDefaultMappings();
        breakers.getAllCircuitBreakers().forEach(b -> b.reset());
    }

    /** Lets background lookups answer and their results reach the page, as push would. */
    private static void settle() throws Exception {
        KaribuFixtures.settleLookups();
    }

    private static UUID draftId() {
        var path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        return UUID.fromString(path.split("/")[1]);
    }

    @Test
    void prefillsTheCitizensOwnDataFromCprBbrAndEindkomstAndAuditsEachLookup() throws Exception {
        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(FormsView.class);
        click("start-registre-test");
        settle();
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getValue())
                .isEqualTo("Mette Fiktiv Testesen");
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getHelperText())
                .isEqualTo("Fra CPR");
        assertThat(_get(AddressField.class, spec -> spec.withId("field-adresse"))
                        .getValue())
                .isEqualTo(new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        assertThat(_get(TextField.class, spec -> spec.withId("field-antalPersoner"))
                        .getValue())
                .isEqualTo("4");
        click("wizard-next");
        assertThat(heading()).isEqualTo("Bolig og økonomi");
        assertThat(_get(TextField.class, spec -> spec.withId("field-areal")).getValue())
                .isEqualTo("92");
        // her own home: she is told what BBR says beside her change
        _get(TextField.class, spec -> spec.withId("field-areal")).setValue("90");
        assertThat(_get(TextField.class, spec -> spec.withId("field-areal")).getHelperText())
                .isEqualTo("Ændret af dig – BBR siger: 92");
        assertThat(_get(TextField.class, spec -> spec.withId("field-maanedsindkomst"))
                        .getValue())
                .matches("[1-9]\\d*(,\\d{1,2})?");
        assertThat(audit.about(Persons.METTE))
                .extracting(LookupAuditLog.Entry::register)
                .contains("cpr", "eindkomst");
        assertThat(audit.about("11111111-2222-4333-8444-555555555555"))
                .extracting(LookupAuditLog.Entry::purpose)
                .contains("Kontrollere boligens areal i BBR");
    }

    @Test
    void peopleAtTheEdgesOfCprAreToldAtTheStartWhatItMeansForTheApplication() throws Exception {
        var told = new java.util.LinkedHashMap<String, String>();
        for (var person : java.util.List.of(Persons.HENRIK, Persons.BO, Persons.SARA)) {
            KaribuFixtures.loginAs(context, person, "CITIZEN");
            UI.getCurrent().navigate(FormsView.class);
            click("start-registre-test");
            settle();
            var standing = _get(Div.class, spec -> spec.withId("standing"));
            assertThat(standing.isVisible()).as(person).isTrue();
            told.put(person, standing.getElement().getTextRecursively());
            KaribuFixtures.logout();
        }
        assertThat(told.get(Persons.HENRIK)).contains("registreret som udrejst", "manuel vurdering");
        assertThat(told.get(Persons.BO)).contains("uden fast bopæl", "Skriv den adresse, du bruger nu");
        assertThat(told.get(Persons.SARA)).contains("adressebeskyttelse", "kommer ikke på kvitteringen");
        // an ordinary citizen is told nothing of the kind
        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(FormsView.class);
        click("start-registre-test");
        settle();
        assertThat(_get(TextField.class, spec -> spec.withId("field-navn")).getValue())
                .isEqualTo("Mette Fiktiv Testesen");
        assertThat(_find(Div.class, spec -> spec.withId("standing"))).isEmpty();
    }

    @Test
    void whenCprIsDownTheCitizenStillCompletesTheFormAndTheValuesAreMarkedNotVerified() throws Exception {
        stubs.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/cpr/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        KaribuFixtures.loginAs(context, Persons.LONE, "CITIZEN");
        UI.getCurrent().navigate(FormsView.class);
        click("start-registre-test");
        settle();
        assertThat(_get(Div.class, spec -> spec.withId("register-unavailable"))
                        .getElement()
                        .getTextRecursively())
                .contains("Vi kunne ikke hente oplysninger fra CPR");
        _get(TextField.class, spec -> spec.withId("field-navn")).setValue("Lone Prøvesen");
        _get(AddressField.class, spec -> spec.withId("field-adresse"))
                .setValue(new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        _get(TextField.class, spec -> spec.withId("field-antalPersoner")).setValue("4");
        click("wizard-next");
        assertThat(heading()).isEqualTo("Bolig og økonomi");
        _get(TextField.class, spec -> spec.withId("field-areal")).setValue("92");
        var income = _get(TextField.class, spec -> spec.withId("field-maanedsindkomst"));
        if (income.getValue().isEmpty()) {
            income.setValue("24000");
        }
        click("wizard-next");
        assertThat(heading()).isEqualTo("Tjek dine svar");
        assertThat(_find(Span.class, spec -> spec.withClasses("provenance")))
                .extracting(Span::getText)
                .contains("Ikke kontrolleret: CPR svarede ikke");
        var id = draftId();
        click("wizard-submit");
        assertThat(heading()).isEqualTo("Dine svar er modtaget");

        var submitted = drafts.find(id, Persons.LONE).orElseThrow();
        assertThat(submitted.answers().get("navn")).isEqualTo("Lone Prøvesen");
        assertThat(submitted.answers().provenance("navn").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        assertThat(submitted.answers().provenance("adresse").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        // The household and the dwelling follow the person lookup, so they could not be asked either:
        // what she typed for them is not verified, not a plain answer of hers.
        assertThat(submitted.answers().provenance("antalPersoner").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        assertThat(submitted.answers().provenance("antalPersoner").register()).isEqualTo("cpr");
        assertThat(submitted.answers().provenance("areal").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        assertThat(submitted.answers().provenance("areal").register()).isEqualTo("bbr");
    }
}
