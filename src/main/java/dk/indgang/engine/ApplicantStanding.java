package dk.indgang.engine;

import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What CPR says about the applicant that changes how the application goes, told to her (and to the
 * caseworker helping her) at the start of the form instead of as a surprise at the end: a protected
 * address, emigration, no fixed address. Read from the form's lookup of the applicant's own person
 * record; nothing while it has not answered, or when the form has none.
 */
public enum ApplicantStanding {
    /** Name and address protection: her address is shown nowhere and printed on no receipt. */
    PROTECTED_ADDRESS,
    /** Status 80, udrejst: a caseworker assesses the application by hand. */
    EMIGRATED,
    /** Status 3, special road code ("uden fast bopæl"): no address to fetch, none to check in BBR. */
    NO_FIXED_ADDRESS;

    /** Message key (in the UI's and the receipt's texts) of what it means for this application. */
    public String key() {
        return "standing." + name();
    }

    public static List<ApplicantStanding> of(FormDefinition form, Map<String, LookupResult<?>> results) {
        var found = new ArrayList<ApplicantStanding>();
        for (var lookup : form.lookups()) {
            if (lookup.type() != Lookup.Type.PERSON || !lookup.keyedByApplicant()) {
                continue;
            }
            var result = results.get(lookup.id());
            if (result == null
                    || result.data().isEmpty()
                    || !(result.data().get() instanceof RegisterData.Person person)) {
                continue;
            }
            if (result.outcome() == LookupResult.Outcome.PROTECTED || person.addressProtected()) {
                add(found, PROTECTED_ADDRESS);
            }
            if (person.status() == 80) {
                add(found, EMIGRATED);
            }
            if (person.status() == 3) {
                add(found, NO_FIXED_ADDRESS);
            }
        }
        return List.copyOf(found);
    }

    public static List<ApplicantStanding> of(Verdict verdict) {
        return of(verdict.form(), verdict.lookupResults());
    }

    public static List<ApplicantStanding> of(FormSession session) {
        return of(session.form(), session.lookupResults());
    }

    private static void add(List<ApplicantStanding> found, ApplicantStanding standing) {
        if (!found.contains(standing)) {
            found.add(standing);
        }
    }
}
