package dk.indgang.engine;

import dk.indgang.definition.FieldType;
import dk.indgang.definition.FormDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts answers to and from plain JSON-like values (strings, numbers, booleans, lists, maps), as
 * stored in drafts, sent by API clients and written in test cases. Conversion is by the field's type;
 * a value that does not fit is kept as text so the checks can say what is wrong, never dropped.
 */
public final class ValueCodec {

    private ValueCodec() {}

    public static Object toPlain(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d.toString();
            // Written out only when bounded: 1E+300000 written out would be 300,000 digits to store and read.
            case BigDecimal d ->
                Math.abs((long) d.precision() - d.scale()) > 40 || Math.abs(d.scale()) > 40
                        ? d.toString()
                        : d.toPlainString();
            case AddressValue a -> a.asMap();
            case AttachmentRef a -> {
                var map = new LinkedHashMap<String, Object>();
                map.put("name", a.name());
                map.put("mediaType", a.mediaType());
                map.put("size", a.size());
                map.put("sha256", a.sha256());
                yield map;
            }
            case List<?> list -> list.stream().map(ValueCodec::toPlain).toList();
            case Map<?, ?> map -> {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> copy.put(k.toString(), toPlain(v)));
                yield copy;
            }
            default -> value;
        };
    }

    public static Object fromPlain(FieldType type, Object plain) {
        if (plain == null) {
            return null;
        }
        try {
            return switch (type) {
                // Numbers are read only when written out plainly and bounded (AnswerInput): a stored
                // text like "1e300000" stays text, cheap to read, and the checks say what is wrong.
                case FieldType.Int t -> AnswerInput.parse(type, plain, "");
                case FieldType.Decimal t -> AnswerInput.storedDecimal(plain);
                case FieldType.Money t -> AnswerInput.storedDecimal(plain);
                case FieldType.Date t -> LocalDate.parse(plain.toString().strip());
                case FieldType.YesNo t -> plain instanceof Boolean b ? b : Boolean.parseBoolean(plain.toString());
                case FieldType.MultiChoice t ->
                    ((List<?>) plain).stream().map(Object::toString).toList();
                case FieldType.Address t -> AddressValue.fromMap((Map<String, ?>) plain);
                case FieldType.Attachment t ->
                    ((List<?>) plain).stream().map(ValueCodec::attachment).toList();
                case FieldType.Group t -> plain;
                case FieldType.Info t -> null;
                case FieldType.Text t -> plain.toString();
                case FieldType.TextArea t -> plain.toString();
                case FieldType.Cpr t -> plain.toString();
                case FieldType.Email t -> plain.toString();
                case FieldType.Phone t -> plain.toString();
                case FieldType.Choice t -> plain.toString();
            };
        } catch (NumberFormatException | DateTimeParseException | ClassCastException | AnswerInput.Refused e) {
            var text = plain.toString();
            return text.length() > AnswerInput.MAX_TEXT ? text.substring(0, AnswerInput.MAX_TEXT) : text;
        }
    }

    private static AttachmentRef attachment(Object plain) {
        var map = (Map<?, ?>) plain;
        return new AttachmentRef(
                String.valueOf(map.get("name")),
                String.valueOf(map.get("mediaType")),
                ((Number) map.get("size")).longValue(),
                String.valueOf(map.get("sha256")));
    }

    /** Answers as plain values: {@code values}, {@code groups} and {@code acknowledgements}. */
    public static Map<String, Object> write(Answers answers) {
        var plain = new LinkedHashMap<String, Object>();
        plain.put("values", toPlain(answers.values()));
        plain.put("groups", toPlain(answers.groups()));
        plain.put("acknowledgements", new LinkedHashMap<>(answers.acknowledgements()));
        if (!answers.overrides().isEmpty()) {
            plain.put("overrides", new LinkedHashMap<>(answers.overrides()));
        }
        answers.assistance().ifPresent(a -> plain.put("assistance", a.asMap()));
        var provenance = new LinkedHashMap<String, Object>();
        answers.provenance().forEach((path, p) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("source", p.source().name());
            entry.put("register", p.register());
            entry.put("fetchedAt", p.fetchedAt() == null ? null : p.fetchedAt().toString());
            entry.put("registerValue", toPlain(p.registerValue()));
            if (p.changedBy() != null) {
                entry.put("changedBy", p.changedBy());
            }
            provenance.put(path, entry);
        });
        plain.put("provenance", provenance);
        return plain;
    }

    /** Reads answers written by {@link #write}; fields the definition no longer has are skipped. */
    public static Answers read(FormDefinition form, Map<String, ?> plain) {
        var answers = new Answers();
        var fields = form.topLevelFields();
        if (plain.get("values") instanceof Map<?, ?> values) {
            values.forEach((k, v) -> {
                var field = fields.get(k.toString());
                if (field != null && !(field.type() instanceof FieldType.Group)) {
                    answers.set(field.id(), fromPlain(field.type(), v));
                }
            });
        }
        if (plain.get("groups") instanceof Map<?, ?> groups) {
            groups.forEach((k, v) -> {
                if (fields.get(k.toString()) != null
                        && fields.get(k.toString()).type() instanceof FieldType.Group group
                        && v instanceof List<?> items) {
                    readItems(answers, k.toString(), group, items);
                }
            });
        }
        if (plain.get("provenance") instanceof Map<?, ?> provenance) {
            provenance.forEach((k, v) -> {
                var field = fields.get(k.toString());
                if (field != null && v instanceof Map<?, ?> p) {
                    var at = p.get("fetchedAt");
                    answers.setProvenance(
                            field.id(),
                            new Provenance(
                                    Provenance.Source.valueOf(p.get("source").toString()),
                                    String.valueOf(p.get("register")),
                                    at == null ? null : java.time.Instant.parse(at.toString()),
                                    fromPlain(field.type(), p.get("registerValue")),
                                    p.get("changedBy") == null
                                            ? null
                                            : p.get("changedBy").toString()));
                }
            });
        }
        if (plain.get("acknowledgements") instanceof Map<?, ?> acks) {
            acks.forEach((k, v) -> answers.acknowledge(k.toString(), v == null ? "" : v.toString()));
        }
        if (plain.get("overrides") instanceof Map<?, ?> overrides) {
            overrides.forEach((k, v) -> answers.override(
                    k.toString(), answers.acknowledgements().getOrDefault(k.toString(), ""), String.valueOf(v)));
        }
        if (plain.get("assistance") instanceof Map<?, ?> assistance) {
            answers.setAssistance(AssistanceRecord.fromMap(assistance));
        }
        return answers;
    }

    private static void readItems(Answers answers, String groupId, FieldType.Group group, List<?> items) {
        var list = new ArrayList<>(items);
        for (int i = 0; i < list.size(); i++) {
            var index = answers.addItem(groupId);
            if (list.get(i) instanceof Map<?, ?> item) {
                for (var inner : group.fields()) {
                    answers.setInItem(groupId, index, inner.id(), fromPlain(inner.type(), item.get(inner.id())));
                }
            }
        }
    }
}
