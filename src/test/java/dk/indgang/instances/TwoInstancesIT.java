package dk.indgang.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.IndgangApplication;
import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.delivery.DigitalPostRecords;
import dk.indgang.delivery.ReceiptDelivery;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.SubmissionFixtures;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one PostgreSQL, the way a municipality outgrows one machine: a
 * draft started on one resumes on the other, and with delivery workers racing on both every
 * receipt reaches Digital Post exactly once (the claim is a conditional update; docs/operations.md).
 */
@EnabledIf("reachable")
class TwoInstancesIT {

    static final String URL = dk.indgang.PostgresSchemas.URL;
    static final String SCHEMA = "indgang_two";
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    static boolean reachable() {
        return dk.indgang.PostgresSchemas.fresh(SCHEMA);
    }

    /** Each instance has a forms folder of its own, as two machines have. */
    static final java.nio.file.Path FIRST_FORMS = dk.indgang.design.DesignerFixtures.formsCopy();

    static final java.nio.file.Path SECOND_FORMS = dk.indgang.design.DesignerFixtures.formsCopy();

    private static ConfigurableApplicationContext instance(java.nio.file.Path forms) {
        // as command-line arguments, which win over the test profile's H2
        return new SpringApplicationBuilder(IndgangApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--indgang.forms.dir=" + forms,
                        "--indgang.forms.adopt-published=true",
                        "--spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.flyway.schemas=" + SCHEMA,
                        "--spring.jmx.enabled=false");
    }

    @BeforeAll
    static void start() {
        first = instance(FIRST_FORMS);
        second = instance(SECOND_FORMS);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aVersionPublishedOnOneInstanceIsServedByTheOtherAtItsNextReload() throws Exception {
        var designs = first.getBean(dk.indgang.design.FormDesigns.class);
        var design = designs.open("registre-test", "designer");
        design = designs.save(
                design, design.source().replace("label: {da: \"Navn\"", "label: {da: \"Fulde navn\""), "designer");
        var published = designs.publish(design, "designer");

        var other = second.getBean(FormCatalog.class);
        assertThat(other.current("registre-test").orElseThrow().version())
                .isLessThan(published.form().version());
        other.reload();
        var served = other.current("registre-test").orElseThrow();
        assertThat(served.version()).isEqualTo(published.form().version());
        assertThat(served.sha256()).isEqualTo(published.form().sha256());
        assertThat(served.field("navn").orElseThrow().label().da()).isEqualTo("Fulde navn");
        // from the database, not from its folder
        assertThat(java.nio.file.Files.readString(SECOND_FORMS.resolve("registre-test.yaml")))
                .doesNotContain("Fulde navn");
    }

    @Test
    void aUsersLookupAllowanceHoldsAcrossInstances() {
        var limit = first.getBean(dk.indgang.registers.RegisterProperties.class).lookupsPerUserPerMinute();
        var context = new dk.indgang.engine.LookupContext(
                "allowance-test-user", Persons.METTE, "Test af fælles grænse", "test");
        var registers = java.util.List.of(
                first.getBean(dk.indgang.engine.Registers.class), second.getBean(dk.indgang.engine.Registers.class));
        int answered = 0;
        int refused = 0;
        // half of them on each instance, and some more: the allowance is one, not one per instance
        for (int i = 0; i < limit + 10; i++) {
            var result = registers.get(i % 2).person(Persons.METTE, context);
            if ("too many lookups by this user; try again in a minute".equals(result.detail())) {
                refused++;
            } else {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(limit);
        assertThat(refused).isEqualTo(10);
    }

    @Test
    void aDraftStartedOnOneInstanceResumesOnTheOther() {
        var drafts = first.getBean(Drafts.class);
        var catalog = first.getBean(FormCatalog.class);
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), Persons.FREJA);
        var resumed = second.getBean(Drafts.class).find(draft.id(), Persons.FREJA);
        assertThat(resumed).isPresent();
        assertThat(second.getBean(Drafts.class).definitionOf(resumed.get()).sha256())
                .isEqualTo(catalog.current("husstand-test").orElseThrow().sha256());
    }

    @Test
    void withWorkersOnBothInstancesEveryReceiptIsDeliveredExactlyOnce() throws Exception {
        var submissions = first.getBean(Submissions.class);
        var drafts = first.getBean(Drafts.class);
        var catalog = first.getBean(FormCatalog.class);
        var clock = first.getBean(Clock.class);
        var ids = new ArrayList<java.util.UUID>();
        for (int i = 0; i < 40; i++) {
            ids.add(SubmissionFixtures.submittedHusstand(submissions, drafts, catalog, clock, Persons.METTE, "Mette")
                    .id());
        }
        var jdbc = first.getBean(JdbcClient.class);
        try (var workers = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 20 && pending(jdbc) > 0; round++) {
                var a = workers.submit(
                        () -> first.getBean(ReceiptDelivery.class).runDue());
                var b = workers.submit(
                        () -> second.getBean(ReceiptDelivery.class).runDue());
                a.get();
                b.get();
            }
        }
        assertThat(pending(jdbc)).isZero();
        var sent = new ArrayList<String>();
        sent.addAll(DigitalPostRecords.kombiRequests(first.getBean(StubRegisters.class)));
        sent.addAll(DigitalPostRecords.kombiRequests(second.getBean(StubRegisters.class)));
        var messages = new HashSet<String>();
        for (var kombi : sent) {
            messages.add(DigitalPostRecords.xpath(kombi, "//*[local-name()='messageUUID']"));
        }
        var byFirst = DigitalPostRecords.kombiRequests(first.getBean(StubRegisters.class))
                .size();
        assertThat(sent)
                .as(
                        "one kombi request per receipt (the first instance sent %d, the second %d)",
                        byFirst, sent.size() - byFirst)
                .hasSize(ids.size());
        assertThat(messages).as("each a different message").hasSize(ids.size());
    }

    private static long pending(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from outbox where kind = 'RECEIPT_DELIVERY' and state <> 'DONE'")
                .query(Long.class)
                .single();
    }
}
