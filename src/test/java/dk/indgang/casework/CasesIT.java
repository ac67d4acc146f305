package dk.indgang.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Application;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Cases stored and moved through the service: opened at submit, reported as the application's status. */
@SpringBootTest(properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class CasesIT {

    @Autowired
    Cases cases;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Clock clock;

    private Application enkeltydelse(String cpr) {
        return Enkeltydelser.submitted(submissions, drafts, catalog, clock, cpr, (draft, session) -> {});
    }

    @Test
    void aMunicipalFormsApplicationOpensACaseInItsUnitsInboxWithItsServiceTarget() {
        var application = enkeltydelse(Persons.METTE);
        var opened = cases.ofApplication(application.id()).orElseThrow();
        assertThat(opened.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(opened.unit()).isEqualTo("ydelse");
        // 20 working days from Sunday 22 November 2026.
        assertThat(opened.deadline()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(cases.inbox("ydelse"))
                .filteredOn(i -> i.value().id().equals(opened.id()))
                .singleElement()
                .satisfies(i -> assertThat(i.flags()).isEmpty());
    }

    @Test
    void anExternalFormsApplicationOpensNoCase() {
        var applicationId = java.util.UUID.randomUUID();
        cases.open(new dk.indgang.submission.ApplicationSubmitted(
                applicationId,
                "IND-2026-999999",
                "boligstoette",
                Persons.LONE,
                java.time.OffsetDateTime.now(clock),
                dk.indgang.definition.Processing.EXTERNAL));
        assertThat(cases.ofApplication(applicationId)).isEmpty();
    }

    @Test
    void eachStepIsStoredWithItsHistoryAndReportedToTheCitizen() {
        var application = enkeltydelse(Persons.METTE);
        var id = cases.ofApplication(application.id()).orElseThrow().id();

        cases.take(id, "ydelse");
        cases.requestInformation(id, "ydelse", "Send et tilbud på vaskemaskinen.", 10);
        var waiting = cases.find(id).orElseThrow().value();
        assertThat(waiting.state()).isEqualTo(CaseState.AWAITING_CITIZEN);
        assertThat(waiting.openRequest().orElseThrow().dueBy()).isEqualTo(cases.dueIn(10));
        assertThat(submissions.history(application.id())).last().satisfies(s -> {
            assertThat(s.status()).isEqualTo(dk.indgang.submission.CaseStatus.AWAITING_INFORMATION);
            assertThat(s.message()).contains("Send et tilbud på vaskemaskinen.");
        });

        // Only the citizen herself answers her case.
        assertThatThrownBy(() -> cases.answer(id, Persons.LONE, 1, "Ikke min sag", List.of()))
                .isInstanceOf(CaseTransitionRefused.class);
        cases.answer(id, Persons.METTE, 1, "Her er tilbuddet.", List.of("tilbud.pdf"));

        var reloaded = cases.find(id).orElseThrow().value();
        assertThat(reloaded.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(reloaded.requests().getFirst().answer().attachments()).containsExactly("tilbud.pdf");
        assertThat(reloaded.history())
                .extracting(CaseEvent::kind)
                .containsExactly(
                        CaseEvent.Kind.RECEIVED,
                        CaseEvent.Kind.TAKEN,
                        CaseEvent.Kind.INFORMATION_REQUESTED,
                        CaseEvent.Kind.CITIZEN_ANSWERED);
        assertThat(cases.ofCitizen(Persons.METTE)).extracting(Case::id).contains(id);
    }

    @Autowired
    dk.indgang.submission.CaseSystem caseSystem;

    @Autowired
    dk.indgang.delivery.ReceiptDelivery delivery;

    @Autowired
    dk.indgang.delivery.DeliveryReceipts receipts;

    @Autowired
    dk.indgang.submission.Outbox outbox;

    @Autowired
    dk.indgang.registers.StubRegisters stubs;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    dk.indgang.delivery.CaseIndexing caseIndexing;

    @Autowired
    dk.indgang.submission.CaseIndexQueue caseIndexQueue;

    @Test
    void aMunicipalCaseIsIndexedAtSubmitAndAgainAtEveryStep() {
        var application = enkeltydelse(Persons.METTE);
        caseIndexing.runDue();
        var first = dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id());
        assertThat(first).hasSize(1);
        var sag = first.getFirst();
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "/*[local-name()='Sag']/*[local-name()='BrugervendtNoegle']"))
                .isEqualTo(application.receiptNumber());
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(sag, "/*[local-name()='Sag']/*[local-name()='Titel']"))
                .isEqualTo("Ansøgning om hjælp til en enkeltudgift");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(sag, "//*[local-name()='KLEEmne']"))
                .isEqualTo("32.18.04");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(sag, "//*[local-name()='Handlingsfacet']"))
                .isEqualTo("G01");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "//*[local-name()='Fremdrift']/*[local-name()='Status']"))
                .isEqualTo("Opstaaet");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "//*[local-name()='Fremdrift']/*[local-name()='StatusTekst']"))
                .isEqualTo("Modtaget");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "//*[local-name()='PrimaerPart']/*[local-name()='CPRNummer']"))
                .isEqualTo(Persons.METTE);
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "//*[local-name()='Ansvarlig']/*[local-name()='CVRNummer']"))
                .isEqualTo("55133018");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sag, "//*[local-name()='Dokument'][1]/*[local-name()='Titel']"))
                .isEqualTo("Kvittering " + application.receiptNumber());
        // Mit Overblik never names the caseworker.
        assertThat(sag).doesNotContain("ydelse-sagsbehandler");
        assertThat(caseIndexQueue.state(application.id()).orElseThrow().state()).isEqualTo("DONE");

        // Nothing changed: nothing is sent again.
        caseIndexing.runDue();
        assertThat(dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id()))
                .hasSize(1);

        var id = cases.ofApplication(application.id()).orElseThrow().id();
        cases.take(id, "ydelse-sagsbehandler");
        caseIndexing.runDue();
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id())
                                .getLast(),
                        "//*[local-name()='StatusTekst']"))
                .isEqualTo("Under behandling");

        cases.requestInformation(id, "ydelse-sagsbehandler", "Send et tilbud på vaskemaskinen.", 10);
        caseIndexing.runDue();
        var waiting = dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id())
                .getLast();
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(waiting, "//*[local-name()='StatusTekst']"))
                .isEqualTo("Afventer oplysninger fra dig");
        // The request letter is one of the case's documents now.
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(waiting, "count(//*[local-name()='Dokument'])"))
                .isEqualTo("2");
        assertThat(dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id()))
                .hasSize(3);
        assertThat(dk.indgang.delivery.CaseIndexingIT.indexed(stubs, application.id()))
                .allSatisfy(m -> assertThat(m).doesNotContain("ydelse-sagsbehandler"));
    }

    @Test
    void aRequestLetterAsksForAnAnswerByItsDateAndOneThatCannotBeDeliveredPutsItsCaseInTheInbox() {
        var application = enkeltydelse(Persons.METTE);
        var id = cases.ofApplication(application.id()).orElseThrow().id();
        cases.take(id, "ydelse");
        cases.requestInformation(id, "ydelse", "Send et tilbud på vaskemaskinen.", 10);
        delivery.runDue();
        var letter = outbox.letters(application.id()).getLast();
        var sent = dk.indgang.delivery.DigitalPostRecords.kombiRequests(stubs, letter.id());
        assertThat(sent).hasSize(1);
        // Digital Post shows the answer date: the end of the due day, Danish time.
        var dueBy = cases.dueIn(10);
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(sent.getFirst(), "//*[local-name()='replyByDateTime']"))
                .isEqualTo(dueBy.plusDays(1)
                        .atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen"))
                        .toInstant()
                        .minusSeconds(1)
                        .toString());
        assertThat(cases.inbox("ydelse"))
                .filteredOn(i -> i.value().id().equals(id))
                .singleElement()
                .satisfies(i -> assertThat(i.flags()).doesNotContain(Cases.Flag.LETTER_UNDELIVERED));

        // Digital Post's receipt: neither her Digital Post nor central print could take it.
        receipts.receive("""
                <Haendelsesbesked xmlns="urn:oio:besked:kuvert:1.0"><Beskeddata><Kvittering>
                <MeddelelseUUID>%s</MeddelelseUUID><Status>FEJLET</Status>
                <Tidspunkt>2026-11-23T10:00:00Z</Tidspunkt><Fejlbeskrivelse>Adressen findes ikke</Fejlbeskrivelse>
                </Kvittering></Beskeddata></Haendelsesbesked>""".formatted(letter.id()));
        var failed = outbox.letters(application.id()).getLast().delivery();
        assertThat(failed.status()).isEqualTo(dk.indgang.submission.Outbox.Status.FAILED);
        assertThat(failed.problem()).isEqualTo("Adressen findes ikke");
        assertThat(cases.inbox("ydelse"))
                .filteredOn(i -> i.value().id().equals(id))
                .singleElement()
                .satisfies(i -> assertThat(i.flags()).contains(Cases.Flag.LETTER_UNDELIVERED));
        // Even a closed case stays in the inbox until someone has acted on the letter.
        jdbc.sql("update case_file set state = 'CLOSED' where id = ?")
                .params(id)
                .update();
        assertThat(cases.inbox("ydelse")).extracting(i -> i.value().id()).contains(id);
    }

    @Test
    void anOutsideCaseSystemCannotReportTheStatusOfACaseProcessedHere() {
        var application = enkeltydelse(Persons.METTE);
        assertThat(caseSystem.reportExternal(
                        application.id(), dk.indgang.submission.CaseStatus.DECIDED, "Bevilget", "esdh"))
                .isEqualTo(dk.indgang.submission.CaseSystem.Report.PROCESSED_HERE);
        assertThat(submissions.history(application.id()))
                .extracting(dk.indgang.submission.Application.StatusEntry::status)
                .containsExactly(dk.indgang.submission.CaseStatus.RECEIVED);
    }

    @Test
    void aJournalNoteIsKeptInTheHistoryWithoutChangingTheState() {
        var application = enkeltydelse(Persons.METTE);
        var id = cases.ofApplication(application.id()).orElseThrow().id();
        cases.take(id, "ydelse");
        cases.note(id, "ydelse", "Borgeren ringede og fortalte, at tilbuddet kommer i morgen.");
        var value = cases.find(id).orElseThrow().value();
        assertThat(value.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(value.history().getLast().kind()).isEqualTo(CaseEvent.Kind.NOTE_ADDED);
        assertThat(value.history().getLast().details())
                .containsEntry("text", "Borgeren ringede og fortalte, at tilbuddet kommer i morgen.");
    }

    @Test
    void anIllegalStepIsRefusedAndChangesNothingStored() {
        var application = enkeltydelse(Persons.METTE);
        var id = cases.ofApplication(application.id()).orElseThrow().id();
        assertThatThrownBy(() -> cases.decide(id, "ydelse", CaseFixtures.grant(LocalDate.now(clock))))
                .isInstanceOf(CaseTransitionRefused.class);
        assertThat(cases.find(id).orElseThrow().value().state()).isEqualTo(CaseState.RECEIVED);
        assertThat(cases.find(id).orElseThrow().value().history()).hasSize(1);
    }
}
