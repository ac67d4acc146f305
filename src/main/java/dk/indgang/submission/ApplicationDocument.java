package dk.indgang.submission;

import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.Severity;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.ValueCodec;
import dk.indgang.engine.ValueFormat;
import dk.indgang.engine.Verdict;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the application document (schema version {@value #SCHEMA_VERSION}): every visible answer
 * typed by its field type, with its provenance; the register evidence; the flags a caseworker must
 * look at; attachments by hash. Hidden answers are not in it.
 */
final class ApplicationDocument {

    static final String SCHEMA_VERSION = "1.0";
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private ApplicationDocument() {}

    record Header(
            UUID id,
            String receiptNumber,
            Channel channel,
            String applicantCpr,
            String applicantName,
            String submittedBy,
            OffsetDateTime submittedAt) {}

    static Map<String, Object> build(
            Header header, Verdict verdict, java.util.Optional<dk.indgang.assessment.AssessmentResult> assessment) {
        var form = verdict.form();
        var evaluation = verdict.evaluation();
        var answers = verdict.answers();
        var doc = new LinkedHashMap<String, Object>();
        doc.put("$schema", "https://indgang.dk/schema/application.schema.json");
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("id", header.id().toString());
        doc.put("receiptNumber", header.receiptNumber());
        doc.put(
                "form",
                ordered(
                        "id",
                        form.id(),
                        "version",
                        form.version(),
                        "sha256",
                        form.sha256(),
                        "title",
                        form.title().da(),
                        "kle",
                        form.kle() == null
                                ? null
                                : ordered(
                                        "subject",
                                        form.kle().subject(),
                                        "facet",
                                        form.kle().facet())));
        doc.put("channel", header.channel().json());
        var applicant = new LinkedHashMap<String, Object>();
        applicant.put("cpr", header.applicantCpr());
        if (header.applicantName() != null) {
            applicant.put("name", header.applicantName());
        }
        doc.put("applicant", applicant);
        doc.put("submittedAt", header.submittedAt().toString());
        doc.put("submittedBy", header.submittedBy());
        answers.assistance().ifPresent(a -> doc.put("assistance", a.asMap()));

        var list = new ArrayList<Map<String, Object>>();
        var attachments = new ArrayList<Map<String, Object>>();
        for (var step : evaluation.visibleSteps()) {
            for (var field : step.fields()) {
                if (!evaluation.isVisible(field.id()) || !field.type().holdsValue()) {
                    continue;
                }
                var value = field.isComputed() ? evaluation.computed().get(field.id()) : answers.get(field.id());
                if (field.type() instanceof FieldType.Group group) {
                    list.add(groupEntry(field, group, step.id(), answers.items(field.id()), evaluation));
                    continue;
                }
                if (value == null) {
                    continue;
                }
                var entry = new LinkedHashMap<String, Object>();
                entry.put("field", field.id());
                entry.put("step", step.id());
                entry.put("label", field.label().da());
                entry.put("type", field.type().name());
                entry.put("value", typed(value));
                entry.put(
                        "display", ValueFormat.format(evaluation.offered(field).type(), value, DANISH));
                if (field.isComputed()) {
                    entry.put("computed", true);
                }
                if (field.internal()) {
                    entry.put("internal", true);
                }
                entry.put("provenance", provenance(answers.provenance(field.id()), field));
                list.add(entry);
                if (value instanceof List<?> files && field.type() instanceof FieldType.Attachment) {
                    files.forEach(f -> attachments.add(attachment((AttachmentRef) f, field.id())));
                }
            }
        }
        doc.put("answers", list);

        var evidence = new ArrayList<Map<String, Object>>();
        verdict.lookupResults().forEach((id, result) -> {
            var lookup = form.lookup(id).orElseThrow();
            var entry = ordered(
                    "lookup",
                    id,
                    "type",
                    lookup.type().name().toLowerCase(Locale.ROOT),
                    "register",
                    result.register(),
                    "purpose",
                    lookup.purpose().da(),
                    "outcome",
                    result.outcome().name(),
                    "fetchedAt",
                    result.fetchedAt() == null ? null : result.fetchedAt().toString());
            if (result.isUnavailable()) {
                entry.put("detail", result.detail());
            }
            evidence.add(entry);
        });
        doc.put("evidence", evidence);

        var notVerified = new ArrayList<String>();
        var changed = new ArrayList<Map<String, Object>>();
        answers.provenance().forEach((path, p) -> {
            if (!evaluation.isVisible(path)) {
                return;
            }
            switch (p.source()) {
                case NOT_VERIFIED -> notVerified.add(path);
                case CHANGED -> {
                    var entry = ordered(
                            "field",
                            path,
                            "register",
                            p.register(),
                            "registerValue",
                            typed(p.registerValue()),
                            "answer",
                            typed(answers.get(path)));
                    if (p.changedBy() != null) {
                        entry.put("changedBy", p.changedBy());
                    }
                    changed.add(entry);
                }
                case REGISTER -> {}
            }
        });
        var warnings = new ArrayList<Map<String, Object>>();
        for (var v : evaluation.violations()) {
            if (v.isRule() && v.severity() == Severity.WARNING) {
                var warning = ordered(
                        "rule",
                        v.ruleId(),
                        "message",
                        Messages.text(v, evaluation, DANISH),
                        "explanation",
                        evaluation.acknowledgements().getOrDefault(v.ruleId(), ""));
                var caseworker = answers.overrides().get(v.ruleId());
                if (caseworker != null) {
                    // A caseworker's override, recorded per value it concerns.
                    warning.put("overriddenBy", caseworker);
                    warning.put("field", v.path());
                }
                warnings.add(warning);
            }
        }
        doc.put(
                "flags",
                ordered("notVerified", notVerified, "changedFromRegister", changed, "confirmedWarnings", warnings));
        assessment.ifPresent(a -> {
            var steps = a.steps().stream()
                    .map(l -> {
                        var step =
                                ordered("id", l.id(), "label", l.label(), "value", l.value(), "formula", l.formula());
                        if (!l.rates().isEmpty()) {
                            step.put("rates", l.rates());
                        }
                        return (Object) step;
                    })
                    .toList();
            var entry = ordered(
                    "title",
                    a.title(),
                    "nonBinding",
                    !a.automatic(),
                    "result",
                    a.result().name().toLowerCase(Locale.ROOT),
                    "reason",
                    a.reason());
            if (a.amount() != null) {
                entry.put("amount", a.amount().toPlainString());
                entry.put("period", a.period().name().toLowerCase(Locale.ROOT));
            }
            entry.put("steps", steps);
            entry.put(
                    "rates",
                    ordered(
                            "table",
                            a.rates(),
                            "validFrom",
                            String.valueOf(a.ratesValidFrom()),
                            "source",
                            a.ratesSource()));
            if (a.decision() != null) {
                entry.put("decision", decision(a.decision()));
            }
            doc.put("assessment", entry);
        });
        doc.put("attachments", attachments);
        return doc;
    }

    /**
     * Whether the assessment decided at once (mode automatic: the case is decided at submit) or why a
     * caseworker must (mode caseworker, with the reasons), and the inputs it rests on.
     */
    private static Map<String, Object> decision(dk.indgang.assessment.AssessmentResult.Decidability decision) {
        var inputs = decision.inputs().stream()
                .map(i -> {
                    var input = ordered(
                            "field",
                            i.id(),
                            "label",
                            i.label(),
                            "display",
                            i.value(),
                            "source",
                            i.source().name().toLowerCase(Locale.ROOT));
                    if (i.register() != null) {
                        input.put("register", i.register());
                    }
                    if (i.fetchedAt() != null) {
                        input.put("fetchedAt", i.fetchedAt().toString());
                    }
                    return (Object) input;
                })
                .toList();
        var reasons = decision.obstacles().stream()
                .map(o -> {
                    var reason = ordered("code", o.code(), "text", o.text());
                    if (o.subject() != null) {
                        reason.put("subject", o.subject());
                    }
                    return (Object) reason;
                })
                .toList();
        return ordered(
                "mode",
                decision.automatic() ? "automatic" : "caseworker",
                "notAutomaticBecause",
                reasons,
                "inputs",
                inputs,
                "ruleVersion",
                decision.ruleVersion());
    }

    private static Map<String, Object> groupEntry(
            Field field,
            FieldType.Group group,
            String step,
            List<Map<String, Object>> items,
            dk.indgang.engine.Evaluation evaluation) {
        var values = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < items.size(); i++) {
            var item = new LinkedHashMap<String, Object>();
            for (var inner : group.fields()) {
                var value = items.get(i).get(inner.id());
                if (value != null
                        && evaluation.isVisible(dk.indgang.engine.FieldPath.inItem(field.id(), i, inner.id()))) {
                    item.put(inner.id(), typed(value));
                }
            }
            values.add(item);
        }
        return ordered(
                "field",
                field.id(),
                "step",
                step,
                "label",
                field.label().da(),
                "type",
                "group",
                "value",
                values,
                "display",
                items.size() + " "
                        + (group.itemLabel() == null ? "" : group.itemLabel().da()).strip(),
                "provenance",
                ordered("source", "citizen"));
    }

    private static Map<String, Object> provenance(Provenance p, Field field) {
        if (p == null) {
            return ordered("source", "citizen");
        }
        var source =
                switch (p.source()) {
                    case REGISTER -> "register";
                    case CHANGED -> "changed";
                    case NOT_VERIFIED -> "notVerified";
                };
        var map = ordered("source", source, "register", p.register());
        if (p.fetchedAt() != null) {
            map.put("fetchedAt", p.fetchedAt().toString());
        }
        if (p.source() == Provenance.Source.CHANGED) {
            map.put("registerValue", typed(p.registerValue()));
            if (p.changedBy() != null) {
                map.put("changedBy", p.changedBy());
            }
        }
        return map;
    }

    private static Map<String, Object> attachment(AttachmentRef ref, String field) {
        return ordered(
                "field",
                field,
                "name",
                ref.name(),
                "mediaType",
                ref.mediaType(),
                "size",
                ref.size(),
                "sha256",
                ref.sha256());
    }

    /** JSON values by type: numbers for integers, strings for amounts (no binary rounding), ISO dates. */
    static Object typed(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d.toPlainString();
            default -> ValueCodec.toPlain(value);
        };
    }

    private static LinkedHashMap<String, Object> ordered(Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
