package dk.indgang.engine;

import dk.indgang.definition.Lookup;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * A lookup's result as expressions see it: a map with every key of its type always present (so an
 * expression never fails on a missing key), {@code found}, {@code outcome} and {@code unavailable}.
 * Data about another person is never exposed (only whether CPR knows the number), and a protected
 * address reads as empty.
 */
final class LookupValues {

    private LookupValues() {}

    static Map<String, Object> of(Lookup lookup, LookupResult<?> result, LocalDate today) {
        var values = defaults(lookup.type());
        values.put("outcome", result == null ? "PENDING" : result.outcome().name());
        values.put(
                "found",
                result != null
                        && (result.outcome() == LookupResult.Outcome.FOUND
                                || result.outcome() == LookupResult.Outcome.PROTECTED));
        values.put("unavailable", result != null && result.isUnavailable());
        if (result == null || result.data().isEmpty()) {
            return values;
        }
        var isProtected = result.outcome() == LookupResult.Outcome.PROTECTED;
        switch (result.data().get()) {
            case RegisterData.Person p
            when lookup.keyedByApplicant() -> {
                values.put("cpr", p.cpr());
                values.put("name", p.fullName());
                values.put("firstName", nz(p.firstName()));
                values.put("lastName", nz(p.lastName()));
                values.put(
                        "birthDate", p.birthDate() == null ? "" : p.birthDate().toString());
                values.put("age", p.birthDate() == null ? 0L : ChronoUnit.YEARS.between(p.birthDate(), today));
                values.put("status", (long) p.status());
                values.put("civilStatus", nz(p.civilStatus()));
                values.put("digitalPost", p.digitalPost());
                values.put("children", p.children());
                values.put("sharedResidence", p.sharedResidence());
                values.put("protected", p.addressProtected());
                if (p.address() != null && !isProtected) {
                    values.put("address", p.address().display());
                    values.put("street", nz(p.address().street()));
                    values.put("houseNumber", nz(p.address().houseNumber()));
                    values.put("floor", nz(p.address().floor()));
                    values.put("door", nz(p.address().door()));
                    values.put("postcode", nz(p.address().postcode()));
                    values.put("city", nz(p.address().city()));
                    values.put("hasAddress", true);
                    values.put("addressValue", p.address().asAnswer().asMap());
                }
            }
            case RegisterData.Person p -> {
                // Another person: confirmed or not, nothing more (no enumeration oracle).
            }
            case RegisterData.Household h -> {
                var members = h.members().stream()
                        .map(m -> {
                            var member = new HashMap<String, Object>();
                            member.put("cpr", m.cpr());
                            member.put("name", m.isProtected() || m.name() == null ? "" : m.name());
                            member.put(
                                    "age", m.birthDate() == null ? 0L : ChronoUnit.YEARS.between(m.birthDate(), today));
                            member.put("protected", m.isProtected());
                            return (Object) member;
                        })
                        .toList();
                values.put("members", members);
                values.put("count", (long) members.size());
                values.put(
                        "adults",
                        h.members().stream()
                                .filter(m ->
                                        m.birthDate() != null && ChronoUnit.YEARS.between(m.birthDate(), today) >= 18)
                                .count());
            }
            case RegisterData.Children c -> {
                var children = c.children().stream()
                        .map(child -> {
                            var entry = new HashMap<String, Object>();
                            entry.put("cpr", child.cpr());
                            entry.put("name", child.isProtected() || child.name() == null ? "" : child.name());
                            entry.put(
                                    "age",
                                    child.birthDate() == null
                                            ? 0L
                                            : ChronoUnit.YEARS.between(child.birthDate(), today));
                            entry.put("livesWithApplicant", child.livesWithApplicant());
                            entry.put("sharedResidence", child.sharedResidence());
                            entry.put("custody", child.applicantHasCustody());
                            entry.put("protected", child.isProtected());
                            return (Object) entry;
                        })
                        .toList();
                values.put("children", children);
                values.put("count", (long) children.size());
            }
            case RegisterData.Income i -> {
                values.put("total", i.total().doubleValue());
                // divided as decimals; expressions carry the result as the double nearest it
                values.put(
                        "monthlyAverage",
                        i.total()
                                .divide(
                                        java.math.BigDecimal.valueOf(
                                                Math.max(1, i.byMonth().size())),
                                        java.math.MathContext.DECIMAL64)
                                .doubleValue());
                values.put("reports", (long) i.records().size());
            }
            case RegisterData.Dwelling d -> {
                values.put("area", (long) d.totalArea());
                values.put("residentialArea", (long) d.residentialArea());
                values.put("rooms", (long) d.rooms());
                values.put("ownKitchen", d.hasOwnKitchen());
                values.put("yearRound", d.isYearRoundHome());
                values.put("usage", nz(d.usage()));
                values.put("housingType", nz(d.housingType()));
            }
            default -> {}
        }
        return values;
    }

    private static Map<String, Object> defaults(Lookup.Type type) {
        // every key is always there, empty until the register answers (one list: definition.LookupKeys)
        return new HashMap<>(dk.indgang.definition.LookupKeys.emptyValues(type));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
