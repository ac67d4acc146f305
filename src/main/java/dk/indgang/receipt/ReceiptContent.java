package dk.indgang.receipt;

import java.util.List;

/**
 * What a receipt says, already in the reader's language.
 *
 * @param heading e.g. "Kvittering for din ansøgning"
 * @param facts label/value lines under the heading: receipt number, time, form and version, channel
 * @param sections the answers grouped by step, as on the review page
 * @param assessment the preliminary assessment and its explanation, or null
 * @param nextSteps what happens next, one paragraph per entry
 * @param footer e.g. the SHA-256 of the application document
 */
public record ReceiptContent(
        String language,
        String municipality,
        String heading,
        String title,
        List<Line> facts,
        List<Section> sections,
        Section assessment,
        String nextStepsHeading,
        List<String> nextSteps,
        String footer) {

    public record Section(String title, List<Line> lines) {}

    /** One answer; {@code mark} says where the value came from, e.g. "Fra CPR" or "Ikke kontrolleret". */
    public record Line(String label, String value, String mark) {}
}
