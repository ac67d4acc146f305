package dk.indgang.definition;

import java.util.regex.Pattern;

/**
 * The form's place in KL's subject classification (KLE): the subject number ({@code emne}, e.g.
 * {@code 27.24.04}) and the action facet ({@code handlingsfacet}, e.g. {@code G01}). Every case an
 * application becomes is classified by it — in the case index behind Mit Overblik (the
 * municipality opens KLE numbers to show there), in the case API and in the application document.
 */
public record Kle(String subject, String facet) {

    public static final Pattern SUBJECT = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");
    public static final Pattern FACET = Pattern.compile("[A-Z]\\d{2}");

    /** {@code 27.24.04 G01}. */
    @Override
    public String toString() {
        return subject + " " + facet;
    }
}
