package dk.indgang.registers;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.audit.LookupAuditLog;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult.Outcome;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.RegisterData;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The three register adapters against the WireMock stubs: every outcome and every fault. */
@SpringBootTest
@ActiveProfiles("test")
class RegistersIT {

    private static final String SLOW = "0101709991";
    private static final String FAILING = "0101709992";
    private static final String RESET = "0101709993";
    private static final String MALFORMED = "0101709994";
    private static final YearMonth FROM = YearMonth.of(2025, 11);
    private static final YearMonth TO = YearMonth.of(2026, 10);

    @Autowired
    RegistersAdapter registers;

    @Autowired
    StubRegisters stubs;

    @Autowired
    PreviewRegisters preview;

    @Autowired
    LookupAuditLog audit;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final LookupContext context =
            new LookupContext(Persons.METTE, Persons.METTE, "Test af registeropslag", "test");

    @BeforeEach
    @AfterEach
    void freshState() {
        registers.calls().forEach(call -> {
            call.breaker().reset();
            call.cache().invalidateAll();
        });
        preview.registers().map(RegistersAdapter.class::cast).ifPresent(r -> r.calls()
                .forEach(call -> {
                    call.breaker().reset();
                    call.cache().invalidateAll();
                }));
        stubs.server().resetRequests();
    }

    private int requests(String path) {
        return stubs.server().findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    /** SF1520 PersonLookup requests for one PNR. */
    private int personLookups(String cpr) {
        return stubs.server()
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo("/cpr/service/CPR/PersonBaseDataExtended/5"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingXPath(
                                "//*[local-name()='PNR'][text()='" + cpr + "']")))
                .size();
    }

    // ---- CPR ------------------------------------------------------------------------------------

    @Test
    void cprFindsAPersonWithAddressChildrenAndDigitalPost() {
        var result = registers.person("150388-9984", context);
        assertThat(result.outcome()).isEqualTo(Outcome.FOUND);
        var mette = result.data().orElseThrow();
        assertThat(mette.fullName()).isEqualTo("Mette Fiktiv Testesen");
        assertThat(mette.address().display()).isEqualTo("Testvej 12, 2. th, 8000 Aarhus C");
        assertThat(mette.address().addressUuid()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(mette.children()).containsExactly(Persons.IDA, Persons.OSKAR);
        assertThat(mette.digitalPost()).isTrue();
    }

    @Test
    void cprFindsTheHouseholdAtAnAddress() {
        var mette = registers.person(Persons.METTE, context).data().orElseThrow();
        var household = registers.household(mette.address(), context);
        assertThat(household.outcome()).isEqualTo(Outcome.FOUND);
        assertThat(household.data().orElseThrow().members())
                .extracting(RegisterData.Household.Member::cpr)
                .containsExactly(Persons.METTE, Persons.IDA, Persons.OSKAR, Persons.LONE);
    }

    @Test
    void cprSaysNotFoundForAnUnknownNumber() {
        assertThat(registers.person("0101011234", context).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void cprMarksAProtectedPerson() {
        var result = registers.person(Persons.SARA, context);
        assertThat(result.outcome()).isEqualTo(Outcome.PROTECTED);
        assertThat(result.data().orElseThrow().addressProtected()).isTrue();
    }

    @Test
    void cprKnowsTheDeceasedTheEmigratedAndThoseWithoutFixedAddress() {
        assertThat(registers.person(Persons.INGER, context).data().orElseThrow().isDeceased())
                .isTrue();
        var emigrated = registers.person(Persons.HENRIK, context).data().orElseThrow();
        assertThat(emigrated.status()).isEqualTo(80);
        assertThat(emigrated.address()).isNull();
        var noFixedAddress = registers.person(Persons.BO, context).data().orElseThrow();
        assertThat(noFixedAddress.status()).isEqualTo(3);
        assertThat(noFixedAddress.address()).isNull();
    }

    @Test
    void aSlowRegisterIsUnavailableAfterTheTimeLimit() {
        var result = registers.person(SLOW, context);
        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.detail()).contains("no answer within");
    }

    @Test
    void aServerErrorIsRetriedWithBackoffThenUnavailable() {
        var result = registers.person(FAILING, context);
        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.detail()).contains("503");
        assertThat(personLookups(FAILING)).isEqualTo(3);
    }

    @Test
    void aConnectionResetIsUnavailable() {
        assertThat(registers.person(RESET, context).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void aMalformedBodyIsUnavailableAndNotRetried() {
        var result = registers.person(MALFORMED, context);
        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.detail()).contains("could not be read");
        assertThat(personLookups(MALFORMED)).isEqualTo(1);
    }

    @Test
    void theBreakerOpensAndShortCircuitsWithoutCallingTheRegister() {
        registers.person(FAILING, context);
        registers.person(FAILING, context);
        stubs.server().resetRequests();
        var result = registers.person(Persons.METTE, context);
        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.detail()).isEqualTo("circuit breaker open");
        assertThat(personLookups("1503889984")).isZero();
    }

    @Test
    void theDesignersRegistersHaveTheirOwnBreakersAndCaches() {
        var designer = new LookupContext("designer", Persons.METTE, "Scenarie", "designer:test");
        var previewRegisters = preview.registers().orElseThrow();
        // a fault person in a designer's scenario opens the designer's breaker only
        previewRegisters.person(FAILING, designer);
        previewRegisters.person(FAILING, designer);
        assertThat(previewRegisters.person(Persons.METTE, designer).detail()).isEqualTo("circuit breaker open");
        assertThat(registers.calls())
                .allSatisfy(call -> assertThat(call.breaker().getState())
                        .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED));
        // and a citizen's lookup is not answered from the designer's cache, nor the other way round
        registers.person(Persons.METTE, context);
        assertThat(registers.person(Persons.METTE, context).outcome()).isEqualTo(Outcome.FOUND);
        assertThat(personLookups("1503889984")).isEqualTo(1);
    }

    @Test
    void aCacheHitMakesNoSecondHttpCall() {
        registers.person(Persons.METTE, context);
        var second = registers.person(Persons.METTE, context);
        assertThat(second.outcome()).isEqualTo(Outcome.FOUND);
        assertThat(personLookups("1503889984")).isEqualTo(1);
    }

    @Test
    void everyLookupIsAuditedWithWhoWhyAndOutcomeAlsoFromTheCache() {
        registers.person(Persons.LONE, context);
        registers.person(Persons.LONE, context);
        var entries = audit.about(Persons.LONE);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        var newest = entries.getFirst();
        assertThat(newest.actor()).isEqualTo(Persons.METTE);
        assertThat(newest.register()).isEqualTo("cpr");
        assertThat(newest.purpose()).isEqualTo("Test af registeropslag");
        assertThat(newest.outcome()).isEqualTo("FOUND");
        assertThat(newest.fromCache()).isTrue();
    }

    @Test
    void liveLookupsAreLimitedPerUser() {
        var sweeper = new LookupContext("sweeper", Persons.METTE, "Test af begrænsning", "test");
        for (int i = 0; i < 120; i++) {
            assertThat(registers.person(Persons.METTE, sweeper).outcome()).isEqualTo(Outcome.FOUND);
        }
        var refused = registers.person(Persons.METTE, sweeper);
        assertThat(refused.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(refused.detail()).contains("too many lookups");
        // Other users are not affected.
        assertThat(registers.person(Persons.METTE, context).outcome()).isEqualTo(Outcome.FOUND);
    }

    @Test
    void publishesLatencyCacheAndBreakerMetricsPerRegister() {
        registers.person(Persons.METTE, context);
        registers.person(Persons.METTE, context);
        assertThat(meters.find("indgang.register.lookup")
                        .tags("register", "cpr", "cache", "hit")
                        .timer())
                .isNotNull();
        assertThat(meters.find("cache.gets")
                        .tags("cache", "register.cpr", "result", "hit")
                        .functionCounter()
                        .count())
                .isPositive();
        assertThat(meters.find("resilience4j.circuitbreaker.state")
                        .tags("name", "cpr")
                        .gauges())
                .isNotEmpty();
    }

    // ---- eIndkomst ------------------------------------------------------------------------------

    @Test
    void eindkomstGivesTwelveMonthsWithAJobChangeBenefitsAndACorrection() {
        var result = registers.income(Persons.METTE, FROM, TO, context);
        assertThat(result.outcome()).isEqualTo(Outcome.FOUND);
        var income = result.data().orElseThrow();
        assertThat(income.records())
                .extracting(RegisterData.IncomeRecord::employer)
                .contains("Fiktiv Rengøring ApS", "Fiktiv A-kasse", "Fiktiv Skole I/S");
        assertThat(income.records()).anyMatch(r -> r.aIncomeWithAm().signum() < 0);
        assertThat(income.byMonth()).hasSize(12);
        // May 2026: 15,400 − 1,232 AM, corrected by −1,200 + 96, plus benefits 14,200 started in April.
        assertThat(income.byMonth().get(YearMonth.of(2026, 5))).isEqualByComparingTo(new BigDecimal("13064.00"));
    }

    @Test
    void eindkomstSaysNotFoundAndFailsLikeTheOthers() {
        assertThat(registers.income(FAILING, FROM, TO, context).outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(requests("/eindkomst/v1/personer/" + FAILING + "/indkomst")).isEqualTo(3);
        assertThat(registers.income("0101011234", FROM, TO, context).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(registers.income(MALFORMED, FROM, TO, context).outcome()).isEqualTo(Outcome.UNAVAILABLE);
        // By now the breaker has seen enough failures: the slow register is not even asked.
        assertThat(registers.income(SLOW, FROM, TO, context).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    // ---- BBR ------------------------------------------------------------------------------------

    @Test
    void bbrFindsTheDwellingWithAreaRoomsKitchenAndBuildingYear() {
        var flat = registers
                .dwelling("11111111-2222-4333-8444-555555555555", context)
                .data()
                .orElseThrow();
        assertThat(flat.totalArea()).isEqualTo(92);
        assertThat(flat.rooms()).isEqualTo(3);
        assertThat(flat.hasOwnKitchen()).isTrue();
        assertThat(flat.isYearRoundHome()).isTrue();
        assertThat(flat.buildingYear()).isEqualTo(1936);
        var noKitchen = registers
                .dwelling("11111111-2222-4333-8444-aaaaaaaaaaaa", context)
                .data()
                .orElseThrow();
        assertThat(noKitchen.hasOwnKitchen()).isFalse();
        var summerHouse = registers
                .dwelling("11111111-2222-4333-8444-cccccccccccc", context)
                .data()
                .orElseThrow();
        assertThat(summerHouse.isYearRoundHome()).isFalse();
    }

    @Test
    void bbrSaysNotFoundAndFailsLikeTheOthers() {
        assertThat(registers
                        .dwelling("00000000-0000-4000-8000-000000000000", context)
                        .outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(registers
                        .dwelling("ffffffff-0000-4000-8000-000000009991", context)
                        .outcome())
                .isEqualTo(Outcome.UNAVAILABLE);
        assertThat(registers
                        .dwelling("ffffffff-0000-4000-8000-000000009994", context)
                        .outcome())
                .isEqualTo(Outcome.UNAVAILABLE);
        assertThat(registers
                        .dwelling("ffffffff-0000-4000-8000-000000009993", context)
                        .outcome())
                .isEqualTo(Outcome.UNAVAILABLE);
    }
    // ---- DAR ------------------------------------------------------------------------------------

    @Test
    void darFindsAnEnteredAddressWhateverWayTheFloorAndDoorAreWritten() {
        var exact = registers.address(new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"), context);
        assertThat(exact.outcome()).isEqualTo(Outcome.FOUND);
        assertThat(exact.data().orElseThrow().addressUuid()).isEqualTo("11111111-2222-4333-8444-555555555555");
        var loose = registers.address(new AddressValue(" Testvej ", "12", "2.", "Th.", "8000", ""), context);
        assertThat(loose.data().orElseThrow().addressUuid()).isEqualTo("11111111-2222-4333-8444-555555555555");
        var house = registers.address(new AddressValue("Skovbrynet", "7", "", "", "8240", "Risskov"), context);
        assertThat(house.data().orElseThrow().display()).isEqualTo("Skovbrynet 7, 8240 Risskov");
        var ground = registers.address(new AddressValue("Eksempelvej", "5", "St.", "", "8000", "Aarhus C"), context);
        assertThat(ground.outcome()).isEqualTo(Outcome.FOUND);
    }

    @Test
    void darSaysNotFoundForAWrongDoorAndFailsLikeTheOthers() {
        assertThat(registers
                        .address(new AddressValue("Testvej", "12", "2", "tv", "8000", ""), context)
                        .outcome())
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(registers
                        .address(new AddressValue("Fejlvej", "1", "", "", "8000", ""), context)
                        .outcome())
                .isEqualTo(Outcome.UNAVAILABLE);
        assertThat(requests("/dar/adresser")).isEqualTo(1 + 3);
        assertThat(audit.about("fejlvej|1|||8000")).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void comparingTypedCprNumbersIsCountedAndAuditedSoASweepStops() {
        var prober = new LookupContext("prober", Persons.METTE, LookupRunner.COMPARISON_PURPOSE, "draft");
        var permitted = java.util.stream.IntStream.range(0, 25)
                .filter(i -> registers.confirmCpr("010170-" + (1000 + i), prober))
                .count();
        assertThat(permitted).isEqualTo(20);
        // A caseworker at the counter has a budget per citizen she helps.
        var forLone = new LookupContext("prober", Persons.LONE, LookupRunner.COMPARISON_PURPOSE, "draft-2");
        assertThat(registers.confirmCpr("010170-2000", forLone)).isTrue();
        assertThat(audit.about("0101701000")).singleElement().satisfies(e -> {
            assertThat(e.service()).isEqualTo("CprComparison");
            assertThat(e.actor()).isEqualTo("prober");
        });
    }
}
