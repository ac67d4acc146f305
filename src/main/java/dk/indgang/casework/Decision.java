package dk.indgang.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision with what the law requires of it: the outcome, the reasons — the facts relied on with
 * their source, the rules applied and the legal basis (forvaltningsloven §§ 22–24) — and appeal
 * guidance: to whom, how and by when (§ 25). A decision without reasons or guidance cannot be made.
 *
 * @param amount the amount granted, or null when refused
 * @param hearingWaiver why the citizen was not heard on facts she has not stated herself (§ 19,
 *     stk. 2), or null
 * @param appealBy the last day an appeal can be lodged
 * @param automatic made by Indgang at submit without a caseworker (forvaltningsloven § 32 b lifts
 *     only the signature: reasons and appeal guidance are required all the same)
 * @param ruleVersion for an automatic decision, the rules it applied: the form version and hash and
 *     the rate-table version; else null
 */
public record Decision(
        Outcome outcome,
        BigDecimal amount,
        List<Fact> facts,
        List<String> rules,
        String legalBasis,
        AppealGuidance appealGuidance,
        String hearingWaiver,
        LocalDate appealBy,
        boolean automatic,
        String ruleVersion) {

    /** A caseworker's decision. */
    public Decision(
            Outcome outcome,
            BigDecimal amount,
            List<Fact> facts,
            List<String> rules,
            String legalBasis,
            AppealGuidance appealGuidance,
            String hearingWaiver,
            LocalDate appealBy) {
        this(outcome, amount, facts, rules, legalBasis, appealGuidance, hearingWaiver, appealBy, false, null);
    }

    public enum Outcome {
        GRANTED,
        PARTLY_GRANTED,
        REFUSED;

        /** A decision that does not give the citizen all she asked for. */
        public boolean goesAgainstTheCitizen() {
            return this != GRANTED;
        }
    }

    /** § 25: the appeal body, how to appeal and the deadline in weeks from notification. */
    public record AppealGuidance(String to, String how, int weeks) {
        public AppealGuidance {
            if (to == null || to.isBlank() || how == null || how.isBlank() || weeks <= 0) {
                throw new IllegalArgumentException(
                        "Appeal guidance names the appeal body, how to appeal and the deadline");
            }
        }
    }

    public Decision {
        if (outcome == null) {
            throw new CaseTransitionRefused("decision.outcome", "A decision has an outcome");
        }
        facts = facts == null ? List.of() : List.copyOf(facts);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (facts.isEmpty() || rules.isEmpty() || legalBasis == null || legalBasis.isBlank()) {
            throw new CaseTransitionRefused(
                    "decision.reasons",
                    "A decision gives its reasons: the facts relied on, the rules applied and the legal basis");
        }
        if (appealGuidance == null || appealBy == null) {
            throw new CaseTransitionRefused(
                    "decision.guidance", "A decision gives appeal guidance: to whom, how and by when");
        }
        if (outcome != Outcome.REFUSED && (amount == null || amount.signum() <= 0)) {
            throw new CaseTransitionRefused("decision.amount", "A grant states the amount granted");
        }
        if (automatic && (ruleVersion == null || ruleVersion.isBlank())) {
            throw new CaseTransitionRefused(
                    "decision.ruleVersion", "An automatic decision states the rules it applied, with their version");
        }
    }

    /** The facts relied on that the citizen has not stated herself. */
    public List<Fact> factsFromOthers() {
        return facts.stream().filter(f -> !f.statedByCitizen()).toList();
    }
}
