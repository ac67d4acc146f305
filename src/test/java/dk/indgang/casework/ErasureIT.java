package dk.indgang.casework;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.delivery.CaseIndexing;
import dk.indgang.delivery.ReceiptDelivery;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Application;
import dk.indgang.submission.CaseIndexQueue;
import dk.indgang.submission.CaseSystem;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Erasure;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Retention: a closed application past its period is erased with its case, letters, deliveries and
 * files, an entry says so, and the case leaves the case index behind Mit Overblik.
 */
@SpringBootTest(properties = {"indgang.forms.dir=forms", "indgang.retention.erase-closed-after=P5Y"})
@ActiveProfiles("test")
class ErasureIT {

    @Autowired
    Erasure erasure;

    @Autowired
    Cases cases;

    @Autowired
    CaseSystem caseSystem;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    ReceiptDelivery delivery;

    @Autowired
    CaseIndexing caseIndexing;

    @Autowired
    CaseIndexQueue caseIndex;

    @Autowired
    StubRegisters stubs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private Application closedYearsAgo(String cpr, int years) {
        var application = Enkeltydelser.submitted(submissions, drafts, catalog, clock, cpr, (draft, session) -> {});
        var id = cases.ofApplication(application.id()).orElseThrow().id();
        cases.take(id, "ydelse");
        cases.requestInformation(id, "ydelse", "Send et tilbud på vaskemaskinen.", 10);
        // Closed long ago (closing itself waits for the appeal period; that is CaseTest's business).
        jdbc.sql("update application set status = 'CLOSED' where id = ?")
                .params(application.id())
                .update();
        jdbc.sql("update case_file set state = 'CLOSED' where application_id = ?")
                .params(application.id())
                .update();
        jdbc.sql("update application_status set at = ? where application_id = ?")
                .params(OffsetDateTime.now(clock).minusYears(years), application.id())
                .update();
        return application;
    }

    private long count(String table, String column, Object value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                .params(value)
                .query(Long.class)
                .single();
    }

    @Test
    void aClosedApplicationPastItsRetentionIsErasedWithItsCaseAndLeavesTheIndex() {
        var old = closedYearsAgo(Persons.METTE, 6);
        var recent = closedYearsAgo(Persons.LONE, 1);
        delivery.runDue();
        caseIndexing.runDue();
        assertThat(count("application_letter", "application_id", old.id())).isPositive();

        assertThat(erasure.eraseExpired()).isEqualTo(1);

        assertThat(caseSystem.get(old.id())).isEmpty();
        assertThat(cases.ofApplication(old.id())).isEmpty();
        assertThat(count("draft", "id", old.draftId())).isZero();
        assertThat(count("application_letter", "application_id", old.id())).isZero();
        assertThat(count("outbox", "application_id", old.id())).isZero();
        assertThat(count("application_status", "application_id", old.id())).isZero();
        assertThat(jdbc.sql("select receipt_number, erased_by, reason from erasure_log where application_id = ?")
                        .params(old.id())
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .single())
                .startsWith(old.receiptNumber() + " retention ")
                .contains("P5Y");
        // The younger one stays.
        assertThat(caseSystem.get(recent.id())).isPresent();
        assertThat(cases.ofApplication(recent.id())).isPresent();
        // An application still being processed is never erased, whoever asks.
        var open = Enkeltydelser.submitted(submissions, drafts, catalog, clock, Persons.KASPER, (draft, session) -> {});
        assertThat(erasure.erase(open.id(), "operator", "ved en fejl")).isFalse();
        assertThat(caseSystem.get(open.id())).isPresent();

        // Mit Overblik no longer shows the erased case.
        assertThat(caseIndex.removalPending(old.id())).isTrue();
        caseIndexing.runDue();
        assertThat(stubs.server()
                        .findAll(deleteRequestedFor(urlPathEqualTo("/service/SagDokumentIndeks_6/sag/" + old.id()))))
                .hasSize(1);
        assertThat(caseIndex.removalPending(old.id())).isFalse();
        // Nothing is left to erase; a repeat erases nothing.
        assertThat(erasure.eraseExpired()).isZero();
        assertThat(erasure.erase(old.id(), "operator", "igen")).isFalse();
    }
}
