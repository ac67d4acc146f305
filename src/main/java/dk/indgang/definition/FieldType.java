package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.util.List;

/**
 * What kind of answer a field takes, with the constraints that belong to that kind. Renderers and
 * the engine switch over it exhaustively, so a new kind cannot be forgotten anywhere.
 */
public sealed interface FieldType {

    /** Every type's name as definitions write it, in the order the docs list them. */
    List<String> NAMES = List.of(
            "text",
            "textarea",
            "cpr",
            "date",
            "integer",
            "decimal",
            "money",
            "choice",
            "multichoice",
            "yesno",
            "address",
            "email",
            "phone",
            "attachment",
            "group",
            "info");

    /** The name used in YAML, e.g. {@code money}. */
    String name();

    /** Whether the field holds an answer at all (an info text does not). */
    default boolean holdsValue() {
        return true;
    }

    record Text(
            @Min(value = 0, message = "length.negative") Integer minLength,
            @Positive(message = "length.positive") Integer maxLength,
            String pattern,
            LocalizedText patternMessage)
            implements FieldType {

        /**
         * Each distinct pattern of the loaded definitions, compiled once (the loader has already
         * refused one that does not compile), not on every check of every answer.
         */
        private static final java.util.Map<String, java.util.regex.Pattern> COMPILED =
                new java.util.concurrent.ConcurrentHashMap<>();

        public String name() {
            return "text";
        }

        /** Whether the whole text matches the field's pattern; true when it has none. */
        public boolean matches(String text) {
            return pattern == null
                    || COMPILED.computeIfAbsent(pattern, java.util.regex.Pattern::compile)
                            .matcher(text)
                            .matches();
        }
    }

    record TextArea(
            @Min(value = 0, message = "length.negative") Integer minLength,
            @Positive(message = "length.positive") Integer maxLength)
            implements FieldType {
        public String name() {
            return "textarea";
        }
    }

    record Cpr() implements FieldType {
        public String name() {
            return "cpr";
        }
    }

    /** Bounds are ISO dates or {@code today} with an offset such as {@code today-18y} or {@code today+4w}. */
    record Date(String min, String max) implements FieldType {
        public String name() {
            return "date";
        }
    }

    record Int(Long min, Long max) implements FieldType {
        public String name() {
            return "integer";
        }
    }

    record Decimal(BigDecimal min, BigDecimal max) implements FieldType {
        public String name() {
            return "decimal";
        }
    }

    /** Danish kroner with øre. */
    record Money(BigDecimal min, BigDecimal max) implements FieldType {
        public String name() {
            return "money";
        }
    }

    /**
     * One of a list of options: the fixed {@code options}, and, with {@code optionsFrom}, options
     * made from data first (one per item of a list from a lookup or the answers); the loader requires
     * at least one of the two.
     */
    record Choice(List<@Valid Option> options, Display display, OptionsFrom optionsFrom) implements FieldType {

        public Choice(List<Option> options, Display display) {
            this(options, display, null);
        }

        public String name() {
            return "choice";
        }

        /** Something to choose: fixed options, options made from data, or both. */
        @jakarta.validation.constraints.AssertTrue(message = "options.empty")
        public boolean isOffered() {
            return !options.isEmpty() || optionsFrom != null;
        }

        /** The same choice with the options a session has made from its data, before the fixed ones. */
        public Choice offering(List<Option> made) {
            var all = new java.util.ArrayList<Option>(made);
            all.addAll(options);
            return new Choice(List.copyOf(all), display, null);
        }

        public enum Display {
            RADIO,
            SELECT
        }
    }

    /**
     * Options made from data: one per item of {@code items} (a list, e.g. {@code boern.children}),
     * its stored value and its label (per language) expressions over that item, {@code option}.
     */
    record OptionsFrom(Expression items, Expression value, Expression labelDa, Expression labelEn) {}

    record MultiChoice(
            @NotEmpty(message = "options.empty") List<@Valid Option> options,
            @Min(value = 0, message = "count.negative") Integer minSelected,
            Integer maxSelected)
            implements FieldType {
        public String name() {
            return "multichoice";
        }
    }

    record YesNo() implements FieldType {
        public String name() {
            return "yesno";
        }
    }

    /** A Danish address: street, number, floor, door, postcode, town. */
    record Address() implements FieldType {
        public String name() {
            return "address";
        }
    }

    record Email() implements FieldType {
        public String name() {
            return "email";
        }
    }

    record Phone() implements FieldType {
        public String name() {
            return "phone";
        }
    }

    /** Files the citizen uploads; {@code accept} lists file endings such as {@code pdf}. */
    record Attachment(
            @NotEmpty(message = "accept.empty") List<String> accept,
            @Positive(message = "size.positive") int maxSizeMb,
            @Positive(message = "count.positive") int maxFiles)
            implements FieldType {
        public String name() {
            return "attachment";
        }
    }

    /** A repeating group, e.g. household members: each item answers the same fields. */
    record Group(
            @NotEmpty(message = "group.fields.empty") List<@Valid Field> fields,
            @Min(value = 0, message = "count.negative") int minItems,
            @Positive(message = "count.positive") int maxItems,
            @Valid LocalizedText itemLabel)
            implements FieldType {
        public String name() {
            return "group";
        }
    }

    /** A text shown to the citizen; holds no answer. */
    record Info(@Valid LocalizedText text) implements FieldType {
        public String name() {
            return "info";
        }

        @Override
        public boolean holdsValue() {
            return false;
        }
    }
}
