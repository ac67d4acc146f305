package dk.indgang.registers.cpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.registers.RegisterFailure;
import dk.indgang.registers.RegisterProperties;
import dk.indgang.registers.RetryableRegisterFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** SF1520 PersonLookup: the request Indgang sends and how it reads the answers and faults. */
class Sf1520Test {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theRequestCarriesThePnrAndTheInvocationContextWhenConfigured() {
        var bare = Sf1520.request("1503889984", new RegisterProperties.InvocationContext("", "", "", ""));
        assertThat(bare)
                .contains("<ns:PersonLookupRequest xmlns:ns=\"" + Sf1520.NAMESPACE + "\">")
                .contains(
                        "<cpr:PNR xmlns:cpr=\"http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/\">1503889984</cpr:PNR>")
                .doesNotContain("InvocationContext");
        var uuid = "11111111-2222-4333-8444-555555555555";
        var withContext =
                Sf1520.request("1503889984", new RegisterProperties.InvocationContext(uuid, uuid, uuid, uuid));
        assertThat(withContext)
                .contains("<invctx:ServiceAgreementUUID>" + uuid + "</invctx:ServiceAgreementUUID>")
                .containsSubsequence("InvocationContext", "PNR");
        assertThatThrownBy(() -> Sf1520.request("15038899", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sf1520.request(
                        "1503889984", new RegisterProperties.InvocationContext("not-a-uuid", uuid, uuid, uuid)))
                .hasMessageContaining("cpr-invocation-context");
    }

    @Test
    void anAnswerIsReadIntoThePersonWithItsChildren() throws Exception {
        var body = Files.readString(Path.of("stubs/__files/cpr/P1-1503889984.xml"));
        var tree = Sf1520.read(new Sf1520.Answer(200, body), json).orElseThrow();
        var person = CprClient.toPerson(tree);
        assertThat(person.cpr()).isEqualTo("1503889984");
        assertThat(person.firstName()).isEqualTo("Mette");
        assertThat(person.children()).containsExactly("2006169986", "0309199973");
        assertThat(person.digitalPost()).isTrue();
        assertThat(person.addressProtected()).isFalse();
        assertThat(person.address().street()).isEqualTo("Testvej");
        assertThat(person.address().houseNumber()).isEqualTo("12");
        assertThat(person.address().floor()).isEqualTo("2");
    }

    @Test
    void anUnknownPnrIsNotFoundAndOtherFaultsAreFailures() {
        var fault = """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
                <faultcode>soap:Server</faultcode><faultstring>%s</faultstring></soap:Fault></soap:Body></soap:Envelope>""";
        assertThat(Sf1520.read(new Sf1520.Answer(500, fault.formatted("PNR not found")), json))
                .isEmpty();
        assertThatThrownBy(() -> Sf1520.read(new Sf1520.Answer(500, fault.formatted("Timeout i CPR")), json))
                .isInstanceOf(RetryableRegisterFailure.class)
                .hasMessageContaining("Timeout i CPR");
        assertThatThrownBy(() -> Sf1520.read(new Sf1520.Answer(403, fault.formatted("Ingen serviceaftale")), json))
                .isInstanceOf(RegisterFailure.class)
                .isNotInstanceOf(RetryableRegisterFailure.class);
        assertThatThrownBy(() -> Sf1520.read(new Sf1520.Answer(200, "<soap:Envelope"), json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
