package dk.indgang.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dk.indgang.ui.KaribuFixtures.click;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dk.indgang.Persons;
import dk.indgang.casework.CaseState;
import dk.indgang.casework.Cases;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Application;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import dk.indgang.ui.casework.CaseFileView;
import dk.indgang.ui.casework.InboxView;
import dk.indgang.ui.citizen.FormsView;
import dk.indgang.ui.citizen.MyCasesView;
import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benefits centre without a browser: the caseworker finds Mette's enkeltydelse in the inbox,
 * takes it and asks for a quote; Mette answers in "Mine sager"; the answer is in the case file.
 */
@SpringBootTest(properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class CaseworkIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Cases cases;

    @Autowired
    Clock clock;

    @AfterEach
    void tearDown() {
        KaribuFixtures.logout();
    }

    private Application enkeltydelse() {
        return dk.indgang.casework.Enkeltydelser.submitted(
                submissions, drafts, catalog, clock, Persons.METTE, (draft, session) -> {});
    }

    @Test
    void theCaseworkerAsksForAQuoteAndMetteAnswersInMineSager() {
        var application = enkeltydelse();
        var caseId = cases.ofApplication(application.id()).orElseThrow().id();

        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        UI.getCurrent().navigate(FormsView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(InboxView.class);
        var link = _get(RouterLink.class, spec -> spec.withId("case-" + application.receiptNumber()));
        assertThat(link.getText()).contains("enkeltudgift", application.receiptNumber());

        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        assertThat(_get(DescriptionList.class, spec -> spec.withId("case-application"))
                        .getElement()
                        .getTextRecursively())
                .contains("Min vaskemaskine er gået i stykker.", "Mette Fiktiv Testesen");
        click("case-take");
        _get(TextArea.class, spec -> spec.withId("request-text")).setValue("Send et tilbud på vaskemaskinen.");
        click("request-send");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.AWAITING_CITIZEN);
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(MyCasesView.class);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("request-1"))
                        .getElement()
                        .getTextRecursively())
                .contains("Send et tilbud på vaskemaskinen.");
        _get(TextArea.class, spec -> spec.withId("answer-text-1"))
                .setValue("Tilbuddet er på 4.500 kr. fra Hvidevarebutikken.");
        click("answer-send-1");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.IN_PROGRESS);
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("case-requests"))
                        .getElement()
                        .getTextRecursively())
                .contains("Tilbuddet er på 4.500 kr.");
        assertThat(_get(OrderedList.class, spec -> spec.withId("case-history"))
                        .getElement()
                        .getTextRecursively())
                .contains("ydelse tog sagen", "Borgeren svarede");
    }

    @Autowired
    dk.indgang.delivery.ReceiptDelivery delivery;

    @Autowired
    dk.indgang.registers.StubRegisters stubs;

    @Autowired
    dk.indgang.submission.Outbox outbox;

    private void openCase(java.util.UUID caseId) {
        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
    }

    @Test
    void aRefusalOnRegisterIncomeNeedsAHearingThenItsLetterGoesOutAndTheAppealIsUpheldAndForwarded() throws Exception {
        var application = dk.indgang.casework.Enkeltydelser.submitted(
                submissions, drafts, catalog, clock, Persons.METTE, (draft, session) -> {
                    session.answer("samtykke", true);
                    session.answer("egenIndkomst", new BigDecimal("221830.00"));
                    session.answers()
                            .setProvenance(
                                    "egenIndkomst",
                                    dk.indgang.engine.Provenance.fromRegister(
                                            "eindkomst", clock.instant(), new BigDecimal("221830.00")));
                });
        var caseId = cases.ofApplication(application.id()).orElseThrow().id();

        // The caseworker moves to refuse on the register income: a hearing is required first.
        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        openCase(caseId);
        click("case-take");
        KaribuFixtures.<dk.indgang.casework.Decision.Outcome>radioById("decision-outcome")
                .setValue(dk.indgang.casework.Decision.Outcome.REFUSED);
        var reasons = KaribuFixtures.<dk.indgang.definition.Processing.Reason>checkboxesById("decision-reasons");
        reasons.setValue(java.util.Set.of(reasons.getListDataView()
                .getItems()
                .filter(r -> r.id().equals("kanSelvBetale"))
                .findFirst()
                .orElseThrow()));
        var facts = KaribuFixtures.<dk.indgang.casework.Fact>checkboxesById("decision-facts");
        facts.setValue(java.util.Set.copyOf(facts.getListDataView()
                .getItems()
                .filter(f -> f.key().equals("egenIndkomst") || f.key().equals("beloeb"))
                .toList()));
        click("decision-make");
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-error")).getText())
                .contains("partshøres");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.IN_PROGRESS);

        var heard = KaribuFixtures.<dk.indgang.casework.Fact>checkboxesById("hearing-facts");
        heard.setValue(java.util.Set.copyOf(heard.getListDataView().getItems().toList()));
        _get(TextArea.class, spec -> spec.withId("hearing-text"))
                .setValue("Vi vil lægge vægt på din indkomst fra eIndkomst på 221.830 kr.");
        click("hearing-send");
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(MyCasesView.class);
        _get(TextArea.class, spec -> spec.withId("answer-text-1")).setValue("Indkomsten er rigtig, men jeg har gæld.");
        click("answer-send-1");
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        openCase(caseId);
        KaribuFixtures.<dk.indgang.casework.Decision.Outcome>radioById("decision-outcome")
                .setValue(dk.indgang.casework.Decision.Outcome.REFUSED);
        reasons = KaribuFixtures.checkboxesById("decision-reasons");
        reasons.setValue(java.util.Set.of(reasons.getListDataView()
                .getItems()
                .filter(r -> r.id().equals("kanSelvBetale"))
                .findFirst()
                .orElseThrow()));
        facts = KaribuFixtures.checkboxesById("decision-facts");
        facts.setValue(java.util.Set.copyOf(facts.getListDataView()
                .getItems()
                .filter(f -> f.key().equals("egenIndkomst") || f.key().equals("beloeb"))
                .toList()));
        click("decision-make");
        var decided = cases.find(caseId).orElseThrow().value();
        assertThat(decided.state()).isEqualTo(CaseState.DECIDED);
        var decision = decided.latestDecision().orElseThrow();
        assertThat(decision.legalBasis()).contains("§ 81");
        assertThat(decision.appealGuidance().to()).contains("Ankestyrelsen");
        assertThat(decision.appealBy()).isEqualTo(java.time.LocalDate.now(clock).plusWeeks(4));

        // The letter: PDF/A, to Digital Post through the outbox, in the case file and Mine sager.
        var letters = outbox.letters(application.id());
        // The hearing went out as a letter too; the decision's letter is the last.
        assertThat(letters)
                .extracting(dk.indgang.submission.Outbox.Letter::title)
                .containsExactly(
                        "Partshøring: Ansøgning om hjælp til en enkeltudgift",
                        "Afgørelse: Ansøgning om hjælp til en enkeltudgift");
        var decisionLetter = letters.getLast();
        var pdf = outbox.letter(decisionLetter.id(), Persons.METTE).orElseThrow();
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        try (var parser = org.verapdf.pdfa.Foundries.defaultInstance()
                .createParser(new java.io.ByteArrayInputStream(pdf), org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_B)) {
            assertThat(org.verapdf.pdfa.Foundries.defaultInstance()
                            .createValidator(org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_B, false)
                            .validate(parser)
                            .isCompliant())
                    .isTrue();
        }
        // Kept for a person to look at: target/letters/afgoerelse.pdf.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/letters"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/letters/afgoerelse.pdf"), pdf);
        var text = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(pdf));
        assertThat(text).contains("Du får ikke hjælp", "Fra eIndkomst", "Klagevejledning", "Ankestyrelsen", "§ 81");
        delivery.runDue();
        assertThat(outbox.letters(application.id()).getFirst().delivery().state())
                .isEqualTo("DONE");
        // The decision letter went to Digital Post once, as MeMo, classified by the form's KLE.
        var sent = dk.indgang.delivery.DigitalPostRecords.kombiRequests(stubs, decisionLetter.id());
        assertThat(sent).hasSize(1);
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        sent.getFirst(), "//*[local-name()='KLEdata']/*[local-name()='subjectKey']"))
                .isEqualTo("32.18.04");
        KaribuFixtures.logout();

        // Mette appeals in Mine sager; the caseworker reconsiders, upholds, and the case is forwarded.
        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(MyCasesView.class);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("letters-" + application.receiptNumber()))
                        .getElement()
                        .getTextRecursively())
                .contains("Afgørelse");
        _get(TextArea.class, spec -> spec.withId("appeal-text-" + application.receiptNumber()))
                .setValue("Jeg har gæld, som kommunen ikke har set på.");
        click("appeal-send-" + application.receiptNumber());
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.APPEALED);
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        openCase(caseId);
        _get(TextArea.class, spec -> spec.withId("uphold-reasons"))
                .setValue("Gæld ændrer ikke vurderingen efter § 81.");
        click("case-uphold");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.FORWARDED);
        assertThat(submissions.history(application.id()))
                .extracting(dk.indgang.submission.Application.StatusEntry::status)
                .containsSubsequence(
                        dk.indgang.submission.CaseStatus.RECEIVED,
                        dk.indgang.submission.CaseStatus.IN_PROGRESS,
                        dk.indgang.submission.CaseStatus.AWAITING_INFORMATION,
                        dk.indgang.submission.CaseStatus.DECIDED,
                        dk.indgang.submission.CaseStatus.APPEALED,
                        dk.indgang.submission.CaseStatus.FORWARDED);
    }

    @Test
    void aContactCentreAgentReadsTheCaseFileForAStatedPurposeAndMetteSeesTheView() {
        var application = enkeltydelse();
        var purpose = "Mette ringer og spørger til sin sag " + java.util.UUID.randomUUID();
        KaribuFixtures.loginAs(context, "kontaktcenter", "COUNTER");
        UI.getCurrent().navigate(dk.indgang.ui.counter.CounterView.class);
        KaribuFixtures.<Channel>radioById("counter-channel").setValue(Channel.PHONE);
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("counter-cpr"))
                .setValue("150388-9984");
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("counter-purpose"))
                .setValue(purpose);
        click("counter-find");
        var link = _get(RouterLink.class, spec -> spec.withId("counter-case-" + application.receiptNumber()));
        UI.getCurrent().navigate(link.getHref());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(dk.indgang.ui.counter.CounterCaseView.class);
        assertThat(_get(DescriptionList.class, spec -> spec.withId("case-application"))
                        .getElement()
                        .getTextRecursively())
                .contains("Min vaskemaskine er gået i stykker.");
        // Read-only: none of the caseworker's actions are there.
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        com.vaadin.flow.component.html.Div.class, spec -> spec.withId("case-actions")))
                .isEmpty();
        KaribuFixtures.logout();

        KaribuFixtures.loginAs(context, Persons.METTE, "CITIZEN");
        UI.getCurrent().navigate(MyCasesView.class);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("access-log"))
                        .getElement()
                        .getTextRecursively())
                .contains(purpose);
    }

    @Test
    void theCaseworkerHandsTheCaseToAColleague() {
        var application = enkeltydelse();
        var caseId = cases.ofApplication(application.id()).orElseThrow().id();
        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        click("case-take");
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("handover-to"))
                .setValue("ydelse2");
        click("handover-send");
        var handed = cases.find(caseId).orElseThrow().value();
        assertThat(handed.assignee()).contains("ydelse2");
        assertThat(handed.history())
                .extracting(dk.indgang.casework.CaseEvent::kind)
                .endsWith(dk.indgang.casework.CaseEvent.Kind.HANDED_OVER);
    }

    @Autowired
    dk.indgang.submission.Attachments attachments;

    @Test
    void theCaseFileOffersTheQuoteAndAnAppealedGrantIsChangedWithANewLetter() {
        var application = dk.indgang.casework.Enkeltydelser.submitted(
                submissions,
                drafts,
                catalog,
                clock,
                Persons.METTE,
                (draft, session) -> session.answer(
                        "tilbud",
                        java.util.List.of(attachments.store(
                                draft, "tilbud.pdf", "application/pdf", "%PDF-1.4 tilbud".getBytes()))));
        var caseId = cases.ofApplication(application.id()).orElseThrow().id();

        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("case-attachments"))
                        .getElement()
                        .getTextRecursively())
                .contains("tilbud.pdf");
        click("case-take");
        KaribuFixtures.<dk.indgang.casework.Decision.Outcome>radioById("decision-outcome")
                .setValue(dk.indgang.casework.Decision.Outcome.GRANTED);
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("decision-amount"))
                .setValue(new BigDecimal("4000"));
        var reasons = KaribuFixtures.<dk.indgang.definition.Processing.Reason>checkboxesById("decision-reasons");
        reasons.setValue(java.util.Set.of(reasons.getListDataView()
                .getItems()
                .filter(r -> r.id().equals("noedvendig"))
                .findFirst()
                .orElseThrow()));
        var facts = KaribuFixtures.<dk.indgang.casework.Fact>checkboxesById("decision-facts");
        facts.setValue(java.util.Set.copyOf(facts.getListDataView()
                .getItems()
                .filter(f -> f.key().equals("beloeb"))
                .toList()));
        click("decision-make");
        cases.appeal(caseId, Persons.METTE, "Vaskemaskinen koster 4.500 kr., ikke 4.000 kr.");

        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        KaribuFixtures.<dk.indgang.casework.Decision.Outcome>radioById("decision-outcome")
                .setValue(dk.indgang.casework.Decision.Outcome.GRANTED);
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("decision-amount"))
                .setValue(new BigDecimal("4500"));
        reasons = KaribuFixtures.checkboxesById("decision-reasons");
        reasons.setValue(java.util.Set.of(reasons.getListDataView()
                .getItems()
                .filter(r -> r.id().equals("noedvendig"))
                .findFirst()
                .orElseThrow()));
        facts = KaribuFixtures.checkboxesById("decision-facts");
        facts.setValue(java.util.Set.copyOf(facts.getListDataView()
                .getItems()
                .filter(f -> f.key().equals("beloeb"))
                .toList()));
        click("decision-change");
        var changed = cases.find(caseId).orElseThrow().value();
        assertThat(changed.state()).isEqualTo(CaseState.DECIDED);
        assertThat(changed.latestDecision().orElseThrow().amount()).isEqualByComparingTo("4500");
        assertThat(outbox.letters(application.id()))
                .extracting(dk.indgang.submission.Outbox.Letter::title)
                .containsExactly(
                        "Afgørelse: Ansøgning om hjælp til en enkeltudgift",
                        "Afgørelse: Ansøgning om hjælp til en enkeltudgift");
    }

    @Test
    void aRefusedStepIsShownToTheCaseworkerAndNothingChanges() {
        var application = enkeltydelse();
        var caseId = cases.ofApplication(application.id()).orElseThrow().id();
        KaribuFixtures.loginAs(context, "ydelse", "CASEWORKER");
        UI.getCurrent().navigate(CaseFileView.class, new RouteParameters("caseId", caseId.toString()));
        click("case-take");
        click("request-send");
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-error")).getText())
                .isEqualTo("Skriv, hvad borgeren skal sende.");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.IN_PROGRESS);
    }
}
