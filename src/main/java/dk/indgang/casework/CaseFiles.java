package dk.indgang.casework;

import dk.indgang.submission.Application;
import dk.indgang.submission.CaseSystem;
import dk.indgang.submission.Drafts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case file ("sagens akter") as a caseworker reads it: the case, the application with every
 * value, where it came from and the explanations given, the receipt, the requests and answers, the
 * decisions and the history.
 */
@Service
public class CaseFiles {

    /** One value of the application, as the citizen gave it or a register did. */
    public record ApplicationValue(
            String field, String step, String label, String display, String source, String register) {

        /** The value as a fact a decision can rely on, with its source. */
        public Fact asFact() {
            var fromRegister = register != null && ("register".equals(source));
            return new Fact(
                    field,
                    label.replaceAll("[?:]$", "") + ": " + (display.isEmpty() ? "–" : display),
                    fromRegister ? Fact.Source.REGISTER : Fact.Source.CITIZEN,
                    fromRegister ? dk.indgang.engine.Provenance.registerName(register) : null);
        }
    }

    /** A warning the citizen explained, or a caseworker overrode at the counter with a justification. */
    public record Explanation(String message, String text, String overriddenBy) {}

    /** A register lookup behind the application: which register, why, what it answered and when. */
    public record Evidence(String register, String purpose, String outcome, String fetchedAt) {}

    /** The straks afklaring the application carried, as the citizen saw it (non-binding). */
    public record Assessment(String title, String result, String reason, String amount, List<String> steps) {}

    /** A file the citizen attached to the application. */
    public record Attachment(String field, String name, String mediaType, long size, String sha256) {}

    /**
     * Whether the form's assessment could decide this application at once: {@code automatic} (then
     * the case was decided at submit) or {@code caseworker}, with the exact reasons it could not be.
     */
    public record Automation(String mode, List<String> notAutomaticBecause, String ruleVersion) {
        public boolean automatic() {
            return "automatic".equals(mode);
        }
    }

    public record CaseFile(
            Case value,
            List<Cases.Flag> flags,
            Application application,
            List<ApplicationValue> values,
            List<Explanation> explanations,
            List<Attachment> attachments,
            List<Evidence> evidence,
            Optional<Assessment> assessment,
            Optional<Automation> automation) {}

    /** An attachment of the case's application, by its hash. */
    public Optional<CaseSystem.StoredFile> attachment(Case value, String sha256) {
        return applications.attachment(value.applicationId(), sha256);
    }

    private final Cases cases;
    private final CaseSystem applications;
    private final Drafts drafts;
    private final dk.indgang.submission.Outbox outbox;
    private final JsonMapper json;
    private final String unit;

    CaseFiles(
            Cases cases,
            CaseSystem applications,
            Drafts drafts,
            dk.indgang.submission.Outbox outbox,
            JsonMapper json,
            @Value("${indgang.casework.unit:ydelse}") String unit) {
        this.cases = cases;
        this.applications = applications;
        this.drafts = drafts;
        this.outbox = outbox;
        this.json = json;
        this.unit = unit;
    }

    /** The unit whose inbox a benefits-centre caseworker works (one unit per installation for now). */
    public String unit() {
        return unit;
    }

    public List<Cases.InboxItem> inbox() {
        return cases.inbox(unit);
    }

    /** The title of the form a case's application was made on, in the reader's language. */
    public String formTitle(Application application, Locale locale) {
        return drafts.formTitle(application.formId(), application.formVersion(), application.formSha256(), locale);
    }

    public Optional<Application> application(Case value) {
        return applications.get(value.applicationId());
    }

    /** The case file of the case with this id, as it appears in a URL; empty when there is none or the id is malformed. */
    public Optional<CaseFile> open(String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return cases.find(id)
                .flatMap(item ->
                        applications.get(item.value().applicationId()).map(application -> caseFile(item, application)));
    }

    /** The letters sent about the case, with their delivery. */
    public List<dk.indgang.submission.Outbox.Letter> letters(Case value) {
        return outbox.letters(value.applicationId());
    }

    public Optional<byte[]> letter(Case value, UUID letterId) {
        return outbox.letter(letterId, value.citizenCpr());
    }

    /** The usual reasons the form offers for a decision. */
    public List<dk.indgang.definition.Processing.Reason> reasons(Case value) {
        return cases.processingOf(value).reasons();
    }

    /** The receipt of the case's application. */
    public Optional<byte[]> receipt(Case value) {
        return applications.receipt(value.applicationId());
    }

    private CaseFile caseFile(Cases.InboxItem item, Application application) {
        var document = json.readTree(application.document());
        var values = new ArrayList<ApplicationValue>();
        for (var answer : document.path("answers")) {
            var provenance = answer.path("provenance");
            values.add(new ApplicationValue(
                    answer.path("field").asString(""),
                    answer.path("step").asString(""),
                    answer.path("label").asString(""),
                    answer.has("display")
                            ? answer.path("display").asString("")
                            : answer.path("value").toString(),
                    provenance.path("source").asString("citizen"),
                    provenance.path("register").asString(null)));
        }
        var explanations = new ArrayList<Explanation>();
        for (var warning : document.path("flags").path("confirmedWarnings")) {
            explanations.add(new Explanation(
                    warning.path("message").asString(""),
                    warning.path("explanation").asString(""),
                    warning.path("overriddenBy").asString(null)));
        }
        var attachments = new ArrayList<Attachment>();
        for (var file : document.path("attachments")) {
            attachments.add(new Attachment(
                    file.path("field").asString(""),
                    file.path("name").asString(""),
                    file.path("mediaType").asString("application/octet-stream"),
                    file.path("size").asLong(0),
                    file.path("sha256").asString("")));
        }
        var evidence = new ArrayList<Evidence>();
        for (var lookup : document.path("evidence")) {
            evidence.add(new Evidence(
                    lookup.path("register").asString(""),
                    lookup.path("purpose").asString(""),
                    lookup.path("outcome").asString(""),
                    lookup.path("fetchedAt").asString(null)));
        }
        Optional<Assessment> assessment = Optional.empty();
        Optional<Automation> automation = Optional.empty();
        var decision = document.path("assessment").path("decision");
        if (decision.has("mode")) {
            var reasons = new ArrayList<String>();
            decision.path("notAutomaticBecause")
                    .forEach(r -> reasons.add(r.path("text").asString("")));
            automation = Optional.of(new Automation(
                    decision.path("mode").asString(""),
                    List.copyOf(reasons),
                    decision.path("ruleVersion").asString("")));
        }
        if (document.has("assessment")) {
            var a = document.path("assessment");
            var steps = new ArrayList<String>();
            for (var step : a.path("steps")) {
                steps.add(step.path("label").asString("") + ": "
                        + step.path("value").asString(""));
            }
            assessment = Optional.of(new Assessment(
                    a.path("title").asString(""),
                    a.path("result").asString(""),
                    a.path("reason").asString(""),
                    a.has("amount") ? a.path("amount").asString("") : null,
                    List.copyOf(steps)));
        }
        return new CaseFile(
                item.value(),
                item.flags(),
                application,
                List.copyOf(values),
                List.copyOf(explanations),
                List.copyOf(attachments),
                List.copyOf(evidence),
                assessment,
                automation);
    }
}
