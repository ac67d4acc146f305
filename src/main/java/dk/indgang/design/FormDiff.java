package dk.indgang.design;

import dk.indgang.definition.Expression;
import dk.indgang.definition.Field;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.LocalizedText;
import dk.indgang.definition.Rule;
import dk.indgang.definition.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a form, in plain Danish words a caseworker or a reviewer can
 * read: steps, fields, rules, lookups and the assessment added, removed or changed.
 */
public final class FormDiff {

    private FormDiff() {}

    public static List<String> between(FormDefinition before, FormDefinition after) {
        var lines = new ArrayList<String>();
        if (before == null) {
            lines.add("Ny formular: " + after.title().da() + " med "
                    + after.steps().size() + " trin og "
                    + after.topLevelFields().size() + " felter.");
            return lines;
        }
        if (!text(before.title()).equals(text(after.title()))) {
            lines.add("Titel ændret fra »" + before.title().da() + "« til »"
                    + after.title().da() + "«.");
        }
        if (!before.audience().equals(after.audience())) {
            lines.add("Målgruppe ændret fra " + before.audience() + " til " + after.audience() + ".");
        }
        var stepsBefore = byId(before.steps());
        var stepsAfter = byId(after.steps());
        stepsAfter.forEach((id, step) -> {
            if (!stepsBefore.containsKey(id)) {
                lines.add("Trin tilføjet: »" + step.title().da() + "« (" + id + ").");
            }
        });
        stepsBefore.forEach((id, step) -> {
            if (!stepsAfter.containsKey(id)) {
                lines.add("Trin fjernet: »" + step.title().da() + "« (" + id + ").");
            } else {
                var now = stepsAfter.get(id);
                if (!text(step.title()).equals(text(now.title()))) {
                    lines.add("Trin »" + id + "«: titlen ændret til »"
                            + now.title().da() + "«.");
                }
                if (!source(step.visibleWhen()).equals(source(now.visibleWhen()))) {
                    lines.add("Trin »" + id + "«: vises nu " + condition(now.visibleWhen()) + ".");
                }
            }
        });
        if (!List.copyOf(stepsBefore.keySet())
                .equals(stepsAfter.keySet().stream()
                        .filter(stepsBefore::containsKey)
                        .toList())) {
            lines.add("Trinenes rækkefølge er ændret.");
        }
        var fieldsBefore = before.topLevelFields();
        var fieldsAfter = after.topLevelFields();
        var stepOf = new LinkedHashMap<String, String>();
        after.steps().forEach(s -> s.fields()
                .forEach(f -> stepOf.put(f.id(), s.title().da())));
        fieldsAfter.forEach((id, field) -> {
            if (!fieldsBefore.containsKey(id)) {
                lines.add("Felt tilføjet: »" + field.label().da() + "« (" + id + ", "
                        + field.type().name()
                        + ") på trinnet »" + stepOf.get(id) + "«"
                        + (field.visibleWhen() == null ? "" : ", vises " + condition(field.visibleWhen()))
                        + (field.required() ? ", skal udfyldes" : "") + ".");
            }
        });
        fieldsBefore.forEach((id, field) -> {
            if (!fieldsAfter.containsKey(id)) {
                lines.add("Felt fjernet: »" + field.label().da() + "« (" + id + ").");
            } else {
                changes(id, field, fieldsAfter.get(id), lines);
            }
        });
        var rulesBefore = rules(before.rules());
        var rulesAfter = rules(after.rules());
        rulesAfter.forEach((id, rule) -> {
            if (!rulesBefore.containsKey(id)) {
                lines.add("Regel tilføjet: " + id + " (" + severity(rule) + ") når "
                        + rule.when().source() + ".");
            }
        });
        rulesBefore.forEach((id, rule) -> {
            if (!rulesAfter.containsKey(id)) {
                lines.add("Regel fjernet: " + id + ".");
            } else {
                var now = rulesAfter.get(id);
                if (!rule.when().source().equals(now.when().source()) || rule.severity() != now.severity()) {
                    lines.add("Regel " + id + " ændret: nu " + severity(now) + " når "
                            + now.when().source() + ".");
                }
                if (!text(rule.message()).equals(text(now.message()))) {
                    lines.add("Regel " + id + ": teksten er ændret.");
                }
            }
        });
        var lookupsBefore = before.lookups().stream().map(l -> l.id()).toList();
        var lookupsAfter = after.lookups().stream().map(l -> l.id()).toList();
        lookupsAfter.stream()
                .filter(id -> !lookupsBefore.contains(id))
                .forEach(id -> lines.add("Registeropslag tilføjet: " + id + "."));
        lookupsBefore.stream()
                .filter(id -> !lookupsAfter.contains(id))
                .forEach(id -> lines.add("Registeropslag fjernet: " + id + "."));
        if ((before.assessment() == null) != (after.assessment() == null)) {
            lines.add(after.assessment() == null ? "Straks afklaring fjernet." : "Straks afklaring tilføjet.");
        } else if (before.assessment() != null
                && !before.assessment().steps().stream()
                        .map(s -> s.id() + "=" + source(s.value()))
                        .toList()
                        .equals(after.assessment().steps().stream()
                                .map(s -> s.id() + "=" + source(s.value()))
                                .toList())) {
            lines.add("Straks afklaringens beregning er ændret.");
        }
        if (lines.isEmpty()) {
            lines.add("Ingen ændringer i indholdet (kun formatering eller kommentarer).");
        }
        return lines;
    }

    private static void changes(String id, Field before, Field after, List<String> lines) {
        var name = "Felt »" + after.label().da() + "« (" + id + ")";
        if (!before.type().name().equals(after.type().name())) {
            lines.add(name + ": typen ændret fra " + before.type().name() + " til "
                    + after.type().name() + ".");
        } else if (!before.type().equals(after.type())) {
            lines.add(name + ": begrænsninger eller valgmuligheder ændret.");
        }
        if (!text(before.label()).equals(text(after.label()))) {
            lines.add(name + ": ledeteksten ændret fra »" + before.label().da() + "«.");
        }
        if (!Objects.equals(text(before.help()), text(after.help()))) {
            lines.add(name + ": hjælpeteksten ændret.");
        }
        if (before.required() != after.required()) {
            lines.add(name + (after.required() ? ": skal nu udfyldes." : ": skal ikke længere udfyldes."));
        }
        if (!source(before.requiredWhen()).equals(source(after.requiredWhen()))) {
            lines.add(name + ": skal udfyldes " + condition(after.requiredWhen()) + ".");
        }
        if (!source(before.visibleWhen()).equals(source(after.visibleWhen()))) {
            lines.add(name + ": vises nu " + condition(after.visibleWhen()) + ".");
        }
        if (!source(before.prefill()).equals(source(after.prefill()))) {
            lines.add(name + ": forudfyldes nu "
                    + (after.prefill() == null
                            ? "ikke"
                            : "med " + after.prefill().source()) + ".");
        }
        if (!source(before.compute()).equals(source(after.compute()))) {
            lines.add(name + ": beregnes nu "
                    + (after.compute() == null
                            ? "ikke"
                            : "som " + after.compute().source()) + ".");
        }
    }

    private static Map<String, Step> byId(List<Step> steps) {
        var map = new LinkedHashMap<String, Step>();
        steps.forEach(s -> map.put(s.id(), s));
        return map;
    }

    private static Map<String, Rule> rules(List<Rule> rules) {
        var map = new LinkedHashMap<String, Rule>();
        rules.forEach(r -> map.put(r.id(), r));
        return map;
    }

    private static String severity(Rule rule) {
        return switch (rule.severity()) {
            case ERROR -> "fejl";
            case WARNING -> "advarsel";
            case INFO -> "oplysning";
        };
    }

    private static String condition(Expression expression) {
        return expression == null ? "altid" : "når " + expression.source();
    }

    private static String source(Expression expression) {
        return expression == null ? "" : expression.source();
    }

    private static String text(LocalizedText text) {
        return text == null ? "" : text.da() + "|" + text.en();
    }
}
