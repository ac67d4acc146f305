package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dk.indgang.ui.KaribuFixtures.click;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.MovableClock;
import dk.indgang.Persons;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.LookupRunner;
import dk.indgang.registers.StubRegisters;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.components.AddressField;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * In the wizard: a register that could not answer is asked again at her next answer once a while
 * has passed ({@link LookupRunner#RETRY_UNAVAILABLE_AFTER}), and what she typed meanwhile stays —
 * verified where the register agrees, her change beside the register's value where not. The
 * service's clock is one the test moves.
 */
@SpringBootTest
@ActiveProfiles("test")
class LookupRetryIT {

    private static final MovableClock CLOCK = new MovableClock();

    /** The suite's clock bean, here one that moves. */
    @TestBean(name = "fixedTestClock", methodName = "movableClock")
    Clock clock;

    static Clock movableClock() {
        return CLOCK;
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    StubRegisters stubs;

    @Autowired
    CircuitBreakerRegistry breakers;

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
        stubs.server().resetToDefaultMappings();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId("field-" + id));
    }

    private static boolean unavailableShown() {
        return !_find(Div.class, spec -> spec.withId("register-unavailable")).isEmpty();
    }

    @Test
    void cprIsAskedAgainAfterAWhileAndVerifiesWhatSheTypedMeanwhile() throws Exception {
        stubs.server()
                .stubFor(any(urlPathMatching("/cpr/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        KaribuFixtures.loginAs(context, Persons.LONE, "CITIZEN");
        UI.getCurrent().navigate(FormsView.class);
        click("start-registre-test");
        KaribuFixtures.settleLookups();
        assertThat(unavailableShown()).isTrue();
        field("navn").setValue("Lone Prøvesen");
        _get(AddressField.class, spec -> spec.withId("field-adresse"))
                .setValue(new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        field("antalPersoner").setValue("9");
        KaribuFixtures.settleLookups();

        // CPR is back (its breaker closed again), but a moment later her answer asks it no more
        stubs.server().resetToDefaultMappings();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        CLOCK.advance(LookupRunner.RETRY_UNAVAILABLE_AFTER.minusSeconds(1));
        field("antalPersoner").setValue("8");
        KaribuFixtures.settleLookups();
        assertThat(unavailableShown()).isTrue();
        assertThat(field("navn").getHelperText()).isNotEqualTo("Fra CPR");

        // once the while has passed, her next answer asks CPR again
        CLOCK.advance(Duration.ofSeconds(1));
        field("antalPersoner").setValue("9");
        KaribuFixtures.settleLookups();
        assertThat(unavailableShown()).isFalse();
        assertThat(field("navn").getValue()).isEqualTo("Lone Prøvesen");
        assertThat(field("navn").getHelperText()).isEqualTo("Fra CPR");
        // her household of 9 stays hers, with what CPR says beside it
        assertThat(field("antalPersoner").getValue()).isEqualTo("9");
        assertThat(field("antalPersoner").getHelperText()).startsWith("Ændret af dig – CPR siger:");
    }
}
