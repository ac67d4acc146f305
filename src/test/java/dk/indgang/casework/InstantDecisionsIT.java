package dk.indgang.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.LookupRunner;
import dk.indgang.submission.CaseStatus;
import dk.indgang.submission.Decisions;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Outbox;
import dk.indgang.submission.Submissions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Straks afgørelse end to end through the services: a friplads application with verified values is
 * decided in the submit transaction, with its letter queued for Digital Post; one with a value the
 * citizen changed is a case in the inbox with the exact reason.
 */
@SpringBootTest(properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class InstantDecisionsIT {

    @Autowired
    Cases cases;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    LookupRunner lookups;

    @Autowired
    Outbox outbox;

    @Autowired
    Decisions decisions;

    @Autowired
    Clock clock;

    @Test
    void verifiedValuesAreDecidedAtSubmitWithReasonsRuleVersionAndALetter() throws Exception {
        var application =
                Fripladser.submitted(submissions, drafts, catalog, lookups, clock, Persons.METTE, session -> {});

        var decided = cases.ofApplication(application.id()).orElseThrow();
        assertThat(decided.state()).isEqualTo(CaseState.DECIDED);
        assertThat(decided.assignee()).isEmpty();
        var decision = decided.latestDecision().orElseThrow();
        assertThat(decision.automatic()).isTrue();
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.GRANTED);
        assertThat(decision.amount()).isEqualByComparingTo(new BigDecimal("1900"));
        assertThat(decision.ruleVersion()).startsWith("Formular oekonomisk-friplads version 2 (sha256 ");
        assertThat(decision.facts())
                .anySatisfy(f -> {
                    assertThat(f.key()).isEqualTo("egenIndkomst");
                    assertThat(f.source()).isEqualTo(Fact.Source.REGISTER);
                    assertThat(f.sourceName()).startsWith("eIndkomst, hentet ");
                })
                .anySatisfy(f -> {
                    assertThat(f.key()).isEqualTo("enlig");
                    assertThat(f.source()).isEqualTo(Fact.Source.CITIZEN);
                });
        assertThat(decision.rules()).anySatisfy(r -> assertThat(r).startsWith("Fripladstilskud pr. måned: 1.900 kr."));
        assertThat(decision.appealBy()).isEqualTo(LocalDate.now(clock).plusWeeks(4));
        assertThat(decided.history())
                .extracting(CaseEvent::kind)
                .containsExactly(CaseEvent.Kind.RECEIVED, CaseEvent.Kind.DECIDED_AUTOMATICALLY);

        assertThat(submissions.history(application.id())).last().satisfies(s -> {
            assertThat(s.status()).isEqualTo(CaseStatus.DECIDED);
            assertThat(s.message()).startsWith("Sagen er afgjort automatisk.");
        });
        assertThat(decisions.latest(application.id())).hasValueSatisfying(summary -> {
            assertThat(summary.automatic()).isTrue();
            assertThat(summary.period()).isEqualTo("month");
            assertThat(summary.amount()).isEqualByComparingTo("1900");
        });

        var letters = outbox.letters(application.id());
        assertThat(letters).singleElement().satisfies(l -> assertThat(l.title())
                .isEqualTo("Afgørelse: Ansøgning om økonomisk friplads"));
        var pdf = outbox.letter(letters.getFirst().id(), Persons.METTE).orElseThrow();
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Truffet automatisk", "forvaltningsloven § 32 b", "Regelversion")
                    .contains("Fra eIndkomst, hentet")
                    .contains("Klagevejledning");
        }
    }

    @Test
    void anIncomeChangedByHandGoesToTheInboxWithTheReason() {
        var application = Fripladser.submitted(submissions, drafts, catalog, lookups, clock, Persons.METTE, session -> {
            session.answer("egenIndkomst", new BigDecimal("150000"));
            session.acknowledge("indkomstAfviger", "Jeg er gået ned i tid fra 1. november.");
        });
        var value = cases.ofApplication(application.id()).orElseThrow();
        assertThat(value.state()).isEqualTo(CaseState.RECEIVED);
        assertThat(value.decisions()).isEmpty();
        assertThat(cases.find(value.id()).orElseThrow().flags()).contains(Cases.Flag.NOT_AUTOMATIC);
        assertThat(cases.notAutomaticBecause(value))
                .contains("»Din indkomst de seneste 12 måneder (før skat, efter AM-bidrag)« er ændret i forhold til"
                        + " eIndkomst");
        var file = caseFiles.open(value.id().toString()).orElseThrow();
        assertThat(file.automation())
                .hasValueSatisfying(a -> assertThat(a.automatic()).isFalse());
        assertThat(outbox.letters(application.id())).isEmpty();
        assertThat(decisions.latest(application.id())).isEmpty();
    }

    @Test
    void aCaseworkerReopensAnAutomaticDecisionAndTheCitizenIsTold() {
        var application =
                Fripladser.submitted(submissions, drafts, catalog, lookups, clock, Persons.METTE, session -> {});
        var id = cases.ofApplication(application.id()).orElseThrow().id();
        var reopened = cases.reopen(id, "ydelse", "Borgeren har ringet om en ny samlever.");
        assertThat(reopened.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(submissions.history(application.id())).last().satisfies(s -> {
            assertThat(s.status()).isEqualTo(CaseStatus.IN_PROGRESS);
            assertThat(s.message()).contains("genoptaget");
        });
        assertThat(decisions.latest(application.id())).isEmpty();
    }
}
