package dk.indgang.definition;

import java.util.List;

/**
 * Where a form's applications are processed. {@code external} (the default): handed to a case
 * system through the case API, e.g. Udbetaling Danmark's benefits. {@code municipality}: a case in
 * Indgang, in the inbox of {@code unit}, with a service target on working days and the legal texts
 * its decisions quote — the legal basis, the usual reasons and the appeal guidance — so they live
 * in the definition, not in code.
 *
 * @param deadlineWorkingDays the service target: working days from receipt to decision
 */
public record Processing(
        By by, String unit, int deadlineWorkingDays, LocalizedText legalBasis, List<Reason> reasons, Appeal appeal) {

    public enum By {
        EXTERNAL,
        MUNICIPALITY
    }

    /** A reason a caseworker can give for a decision, worded once for every letter. */
    public record Reason(String id, LocalizedText text) {}

    /** Appeal guidance (forvaltningsloven § 25): to whom, how, and within how many weeks of receipt. */
    public record Appeal(LocalizedText to, LocalizedText how, int weeks) {}

    public static final Processing EXTERNAL = new Processing(By.EXTERNAL, null, 0, null, List.of(), null);

    public Processing {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean byMunicipality() {
        return by == By.MUNICIPALITY;
    }
}
