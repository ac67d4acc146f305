package dk.indgang.assessment;

import dk.indgang.assessment.AssessmentResult.Decidability;
import dk.indgang.assessment.AssessmentResult.Input;
import dk.indgang.assessment.AssessmentResult.Obstacle;
import dk.indgang.assessment.AssessmentResult.Source;
import dk.indgang.definition.Assessment;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.RateTable;
import dk.indgang.definition.Register;
import dk.indgang.definition.Severity;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.ValueFormat;
import dk.indgang.engine.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * Whether an assessment's result may be decided at once (straks afgørelse, forvaltningsloven § 32 b):
 * only an outcome the form marks {@code automatic}, only when every value it rests on is a register's
 * and unchanged or a statement the form lets decide on the citizen's declaration, no register was
 * unavailable, no warning was explained or overridden, and the rates in force are final. Everything
 * else is a case for a caseworker, with the exact reasons.
 */
final class Automation {

    private Automation() {}

    static Decidability judge(
            Verdict verdict,
            Assessment.Outcome outcome,
            Assessment.Result result,
            RateTable rates,
            RateTable.Version version,
            Locale locale) {
        var form = verdict.form();
        var obstacles = new ArrayList<Obstacle>();
        var inputs = new ArrayList<Input>();
        var decidable = result == Assessment.Result.ELIGIBLE
                || result == Assessment.Result.PARTLY_ELIGIBLE
                || result == Assessment.Result.NOT_ELIGIBLE;
        if (outcome == null
                || !outcome.automatic()
                || !decidable
                || !form.processing().byMunicipality()) {
            obstacles.add(new Obstacle(
                    "outcomeNotAutomatic",
                    null,
                    t(
                            locale,
                            "Reglerne lader ikke dette udfald afgøre automatisk",
                            "The rules do not let this outcome be decided automatically")));
        }
        if (version != null && version.provisional()) {
            obstacles.add(new Obstacle(
                    "ratesProvisional",
                    null,
                    t(locale, "Satserne gældende fra %s er foreløbige", "The rates in force from %s are provisional")
                            .formatted(ValueFormat.date(version.validFrom()))));
        }
        var unavailable = new LinkedHashSet<String>();
        verdict.lookupResults().values().stream()
                .filter(r -> r.isUnavailable())
                .forEach(r -> unavailable.add(r.register()));
        for (var register : unavailable) {
            obstacles.add(new Obstacle(
                    "unavailable",
                    register,
                    t(locale, "Registret %s var ikke tilgængeligt", "Register unavailable: %s")
                            .formatted(Register.displayName(register))));
        }
        var answers = verdict.answers();
        var evaluation = verdict.evaluation();
        for (var id : Assessment.inputsOf(form)) {
            var field = form.field(id);
            if (field.isEmpty()) {
                var lookup = verdict.lookupResults().get(id);
                if (lookup != null && !lookup.isUnavailable() && lookup.fetchedAt() != null) {
                    inputs.add(new Input(
                            id,
                            form.lookup(id).orElseThrow().purpose().in(locale),
                            lookup.isFound() ? t(locale, "fundet", "found") : t(locale, "ikke fundet", "not found"),
                            Source.REGISTER,
                            Register.displayName(lookup.register()),
                            lookup.fetchedAt()));
                }
                continue;
            }
            var definition = field.get();
            var value = answers.get(id);
            if (!evaluation.isVisible(id) || value == null) {
                continue;
            }
            var label = definition.label().in(locale);
            var shown = ValueFormat.format(evaluation.offered(definition).type(), value, locale);
            var provenance = answers.provenance(id);
            if (provenance == null) {
                if (definition.decisiveOnDeclaration()) {
                    inputs.add(new Input(id, label, shown, Source.DECLARATION, null, null));
                } else {
                    obstacles.add(new Obstacle(
                            "notFromRegister",
                            id,
                            t(
                                            locale,
                                            "»%s« er oplyst af ansøgeren og ikke kontrolleret i et register",
                                            "%s was stated by the applicant, not verified in a register")
                                    .formatted(label)));
                }
                continue;
            }
            var register = Provenance.registerName(provenance.register());
            switch (provenance.source()) {
                case REGISTER ->
                    inputs.add(new Input(id, label, shown, Source.REGISTER, register, provenance.fetchedAt()));
                case CHANGED ->
                    obstacles.add(new Obstacle(
                            "changed",
                            id,
                            t(locale, "»%s« er ændret i forhold til %s", "%s changed from %s")
                                    .formatted(label, register)));
                case NOT_VERIFIED -> {
                    if (!unavailable.contains(provenance.register())) {
                        obstacles.add(new Obstacle(
                                "notVerified",
                                id,
                                t(locale, "»%s« kunne ikke kontrolleres i %s", "%s could not be verified in %s")
                                        .formatted(label, register)));
                    }
                }
            }
        }
        for (var violation : evaluation.violations()) {
            if (!violation.isRule() || violation.severity() != Severity.WARNING) {
                continue;
            }
            var message = Messages.text(violation, evaluation, locale);
            var caseworker = answers.overrides().get(violation.ruleId());
            obstacles.add(
                    caseworker != null
                            ? new Obstacle(
                                    "warningOverridden",
                                    violation.ruleId(),
                                    t(
                                                    locale,
                                                    "En advarsel er tilsidesat af %s: %s",
                                                    "A warning was overridden by %s: %s")
                                            .formatted(caseworker, message))
                            : new Obstacle(
                                    "warningExplained",
                                    violation.ruleId(),
                                    t(
                                                    locale,
                                                    "Ansøgeren har forklaret en advarsel: %s",
                                                    "The applicant explained a warning: %s")
                                            .formatted(message)));
        }
        return new Decidability(obstacles.isEmpty(), obstacles, inputs, ruleVersion(form, rates, version, locale));
    }

    /** "Formular økonomisk-friplads version 1 (sha256 1a2b3c4d5e6f) · satser friplads gældende fra 01.01.2026". */
    static String ruleVersion(FormDefinition form, RateTable rates, RateTable.Version version, Locale locale) {
        var text = t(locale, "Formular %s version %d (sha256 %s)", "Form %s version %d (sha256 %s)")
                .formatted(form.id(), form.version(), form.sha256().substring(0, 12));
        if (version != null) {
            text += t(locale, " · satser %s gældende fra %s", " · rates %s in force from %s")
                    .formatted(rates.id(), ValueFormat.date(version.validFrom()));
        }
        return text;
    }

    private static String t(Locale locale, String da, String en) {
        return "en".equals(locale.getLanguage()) ? en : da;
    }
}
