package dk.indgang.engine;

import dk.indgang.definition.Expression;
import dk.indgang.definition.Field;
import dk.indgang.definition.Lookup;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a form's declared lookups when their keys are known: the applicant's own at once, another
 * person's when a CPR number is entered, household and dwelling when the applicant's address is
 * known. {@link #due} and {@link #apply} work on the session (UI thread); {@link #run} only talks to
 * the registers, so it can run in the background.
 */
public final class LookupRunner {

    private static final System.Logger LOG = System.getLogger(LookupRunner.class.getName());

    private final Registers registers;
    private final Clock clock;

    public LookupRunner(Registers registers, Clock clock) {
        this.registers = registers;
        this.clock = clock;
    }

    /**
     * A lookup ready to run.
     *
     * @param key the value that keys it (a CPR number, an address id or an entered address), to
     *     notice when it changes
     * @param address the applicant's address for household and dwelling lookups
     * @param applicant the applicant as CPR answered, for a children lookup
     * @param entered an address the citizen entered, for a dwelling lookup keyed by an address field
     */
    public record Due(
            Lookup lookup,
            String key,
            RegisterData.RegisteredAddress address,
            RegisterData.Person applicant,
            AddressValue entered) {

        public Due(Lookup lookup, String key, RegisterData.RegisteredAddress address) {
            this(lookup, key, address, null, null);
        }
    }

    /**
     * The lookups whose key is known and differs from the one their current result answered, and
     * those whose register could not answer {@link #RETRY_UNAVAILABLE_AFTER} ago or longer.
     */
    public List<Due> due(FormSession session, String applicantCpr) {
        return due(session, applicantCpr, true);
    }

    /**
     * @param retry whether a register that could not answer {@link #RETRY_UNAVAILABLE_AFTER} ago is
     *     asked again (not within one {@link #settle}, which would ask it round after round)
     */
    private List<Due> due(FormSession session, String applicantCpr, boolean retry) {
        var due = new ArrayList<Due>();
        // The answers as expressions see them, evaluated once and only if a lookup has a condition.
        java.util.Map<String, Object> variables = null;
        for (var lookup : session.form().lookups()) {
            Due candidate =
                    switch (lookup.type()) {
                        case PERSON, INCOME -> cprKey(session, lookup, applicantCpr);
                        case HOUSEHOLD -> addressKey(session, lookup);
                        case DWELLING ->
                            session.form().lookup(lookup.key()).isPresent()
                                    ? addressKey(session, lookup)
                                    : enteredAddressKey(session, lookup);
                        case CHILDREN -> childrenKey(session, lookup);
                    };
            if (lookup.when() != null && variables == null) {
                variables = session.currentVariables();
            }
            var withheld = lookup.when() != null && !conditionHolds(lookup, variables);
            if (withheld) {
                // Not (or no longer) allowed, e.g. consent not given or withdrawn: no lookup, no data.
                candidate = null;
            }
            if (candidate == null) {
                if (session.lookupKey(lookup.id()) != null) {
                    session.recordLookup(lookup.id(), null, null);
                    if (withheld) {
                        forgetPrefill(session, lookup);
                    }
                }
            } else if (!candidate.key().equals(session.lookupKey(lookup.id()))
                    || (retry && unavailableLongEnough(session, lookup))) {
                due.add(candidate);
            }
        }
        return due;
    }

    /**
     * A register that could not answer is asked again once this long has passed, at her next answer
     * (or the next step): a register back up then verifies what she has typed meanwhile.
     */
    public static final java.time.Duration RETRY_UNAVAILABLE_AFTER = java.time.Duration.ofSeconds(30);

    private boolean unavailableLongEnough(FormSession session, Lookup lookup) {
        var result = session.lookupResults().get(lookup.id());
        return result != null
                && result.isUnavailable()
                && result.fetchedAt() != null
                && !clock.instant().isBefore(result.fetchedAt().plus(RETRY_UNAVAILABLE_AFTER));
    }

    /** Values prefilled from a lookup that is no longer allowed, and not changed since, are removed. */
    private static void forgetPrefill(FormSession session, Lookup lookup) {
        for (var field : session.form().topLevelFields().values()) {
            var provenance = session.answers().provenance(field.id());
            if (field.prefill() != null
                    && field.prefill().references().contains(lookup.id())
                    && provenance != null
                    && provenance.source() != Provenance.Source.CHANGED) {
                session.answers().set(field.id(), null);
                session.answers().setProvenance(field.id(), null);
            }
        }
    }

    private static boolean conditionHolds(Lookup lookup, java.util.Map<String, Object> variables) {
        try {
            return lookup.when().test(variables);
        } catch (Expression.Undetermined e) {
            return false;
        } catch (Expression.ExpressionFailure e) {
            LOG.log(System.Logger.Level.WARNING, "lookup condition failed: {0}", e.getMessage());
            return false;
        }
    }

    private Due cprKey(FormSession session, Lookup lookup, String applicantCpr) {
        var cpr = lookup.keyedByApplicant()
                ? applicantCpr
                : String.valueOf(session.answers().get(lookup.key()));
        var parsed = CprNumber.parse(cpr, session.today());
        if (parsed.number().isEmpty()) {
            return null;
        }
        var digits = parsed.number().get().digits();
        // Another person's income only when CPR registers them at the applicant's own address.
        if (lookup.type() == Lookup.Type.INCOME && !lookup.keyedByApplicant() && !livesWithApplicant(session, digits)) {
            return null;
        }
        return new Due(lookup, digits, null);
    }

    private static boolean livesWithApplicant(FormSession session, String cpr) {
        return session.lookupResults().values().stream()
                .flatMap(r -> r.data().stream())
                .filter(RegisterData.Household.class::isInstance)
                .map(RegisterData.Household.class::cast)
                .anyMatch(h -> h.members().stream().anyMatch(m -> cpr.equals(m.cpr())));
    }

    private Due addressKey(FormSession session, Lookup lookup) {
        var person = session.lookupResults().get(lookup.key());
        if (person == null
                || person.data().isEmpty()
                || !(person.data().get() instanceof RegisterData.Person p)
                || p.address() == null
                || p.address().addressUuid() == null) {
            return null;
        }
        return new Due(lookup, p.address().addressUuid(), p.address());
    }

    private Due enteredAddressKey(FormSession session, Lookup lookup) {
        var answer = session.answers().get(lookup.key());
        if (!(answer instanceof AddressValue address)
                || address.street().isEmpty()
                || address.number().isEmpty()
                || !address.postcode().matches("\\d{4}")) {
            return null;
        }
        return new Due(lookup, address.key(), null, null, address);
    }

    private Due childrenKey(FormSession session, Lookup lookup) {
        var person = session.lookupResults().get(lookup.key());
        if (person == null || person.data().isEmpty() || !(person.data().get() instanceof RegisterData.Person p)) {
            return null;
        }
        var key = p.cpr() + ":" + String.join(",", p.children()) + "@"
                + (p.address() == null ? "" : p.address().addressUuid());
        return new Due(lookup, key, p.address(), p, null);
    }

    /**
     * Runs every due lookup in the caller's thread, again as answers make further lookups due, until
     * none is (scenarios, the designer's preview; the wizard runs them in the background instead).
     */
    /** The purpose the audit log gives a comparison of a typed CPR number with register data. */
    public static final String COMPARISON_PURPOSE = "Sammenligne et indtastet CPR-nummer med registrenes oplysninger";

    /**
     * From now on, the session's rules compare a typed CPR number with other persons' register data
     * only when the registers permit it for this user (counted and audited); see
     * {@link Registers#confirmCpr}.
     */
    public void guardCprComparisons(FormSession session, LookupContext context) {
        session.useCprConfirmations(cpr -> registers.confirmCpr(cpr, context));
    }

    public void settle(FormSession session, String applicantCpr, LookupContext context) {
        for (int round = 0; round < 10; round++) {
            var due = due(session, applicantCpr, false);
            if (due.isEmpty()) {
                return;
            }
            for (var d : due) {
                started(session, d);
                apply(session, d, run(d, context));
            }
        }
    }

    /** The months an income lookup asks for: the last twelve whole months before today. */
    public record IncomeMonths(YearMonth from, YearMonth to) {
        public static IncomeMonths lastTwelveWhole(Clock clock) {
            var to = YearMonth.now(clock).minusMonths(1);
            return new IncomeMonths(to.minusMonths(11), to);
        }
    }

    /**
     * Marks a lookup as asked, so it is not due again while its answer is on the way (an earlier
     * "could not answer" is put aside until the new answer comes).
     */
    public void started(FormSession session, Due due) {
        session.lookupStarted(due.lookup().id(), due.key());
    }

    /** Asks the register; never throws. Runs off the UI thread. */
    public LookupResult<?> run(Due due, LookupContext context) {
        return switch (due.lookup().type()) {
            case PERSON -> registers.person(due.key(), context);
            case HOUSEHOLD -> registers.household(due.address(), context);
            case INCOME -> {
                var months = IncomeMonths.lastTwelveWhole(clock);
                yield registers.income(due.key(), months.from(), months.to(), context);
            }
            case DWELLING -> due.entered() == null ? registers.dwelling(due.key(), context) : dwellingAt(due, context);
            case CHILDREN -> children(due.applicant(), context);
        };
    }

    /** An entered address: DAR finds it (or not), then BBR gives its unit. */
    private LookupResult<RegisterData.Dwelling> dwellingAt(Due due, LookupContext context) {
        var found = registers.address(due.entered(), context);
        if (found.data().isEmpty() || found.data().get().addressUuid() == null) {
            return new LookupResult<>(
                    found.outcome(), Optional.empty(), found.register(), found.fetchedAt(), found.detail());
        }
        return registers.dwelling(found.data().get().addressUuid(), context);
    }

    /**
     * Each child of the applicant, one CPR lookup each (as os2web does): living children only, with
     * residence compared by DAR id and custody from the child's own record.
     */
    private LookupResult<RegisterData.Children> children(RegisterData.Person applicant, LookupContext context) {
        var children = new ArrayList<RegisterData.Children.Child>();
        var at = clock.instant();
        for (var cpr : applicant.children()) {
            var result = registers.person(cpr, context);
            if (result.isUnavailable()) {
                return LookupResult.unavailable(result.register(), result.fetchedAt(), result.detail());
            }
            if (result.data().isEmpty() || result.data().get().isDeceased()) {
                continue;
            }
            var child = result.data().get();
            var hidden = result.outcome() == LookupResult.Outcome.PROTECTED || child.addressProtected();
            var sameAddress = child.address() != null
                    && applicant.address() != null
                    && child.address().addressUuid() != null
                    && child.address().addressUuid().equals(applicant.address().addressUuid());
            var custody = (child.custodyTypes().contains(3) && applicant.cpr().equals(child.mother()))
                    || (child.custodyTypes().contains(4) && applicant.cpr().equals(child.father()));
            children.add(new RegisterData.Children.Child(
                    child.cpr(),
                    hidden ? null : child.fullName(),
                    child.birthDate(),
                    sameAddress,
                    child.sharedResidence(),
                    custody,
                    hidden));
        }
        return LookupResult.found(
                dk.indgang.definition.Register.CPR.id(), new RegisterData.Children(List.copyOf(children)), at);
    }

    /**
     * Stores the answer and prefills the fields that read it. A value the citizen has typed is never
     * overwritten; a value that could not be verified is marked for the caseworker.
     */
    public void apply(FormSession session, Due due, LookupResult<?> result) {
        session.recordLookup(due.lookup().id(), due.key(), result);
        var register = due.lookup().type().register();
        var variables = session.currentVariables();
        if (result.isUnavailable()) {
            // The lookups that follow this one (a household, children or dwelling keyed by the person
            // lookup) cannot run either: what the citizen types for them is not verified either.
            markFollowersNotVerified(session, due.lookup().id());
        }
        for (var field : session.form().topLevelFields().values()) {
            if (field.prefill() == null
                    || !field.prefill().references().contains(due.lookup().id())) {
                continue;
            }
            var provenance = session.answers().provenance(field.id());
            var current = session.answers().get(field.id());
            if (result.isUnavailable()) {
                if (provenance == null || provenance.source() != Provenance.Source.CHANGED) {
                    session.answers()
                            .setProvenance(
                                    field.id(), new Provenance(Provenance.Source.NOT_VERIFIED, register, null, null));
                }
                continue;
            }
            // A register that found nothing states no fact: nothing is prefilled from it (an empty
            // income is not an income of 0 kr.), and an earlier prefill from it is taken back.
            var value = result.outcome() == LookupResult.Outcome.NOT_FOUND ? null : prefillValue(field, variables);
            if (value == null && provenance != null && provenance.source() == Provenance.Source.REGISTER) {
                session.answers().set(field.id(), null);
                session.answers().setProvenance(field.id(), null);
                continue;
            }
            if (value != null
                    && current != null
                    && provenance != null
                    && provenance.source() == Provenance.Source.NOT_VERIFIED) {
                // She typed it while the register could not answer: hers stays; now it is verified,
                // or shown as her change beside what the register says.
                var verified = Provenance.fromRegister(register, result.fetchedAt(), value);
                session.answers()
                        .setProvenance(
                                field.id(),
                                java.util.Objects.equals(current, value)
                                        ? verified
                                        : verified.changedBy(session.caseworker()));
                continue;
            }
            var untouched = current == null || (provenance != null && provenance.source() != Provenance.Source.CHANGED);
            if (value != null && untouched) {
                session.answers().set(field.id(), value);
                session.answers()
                        .setProvenance(field.id(), Provenance.fromRegister(register, result.fetchedAt(), value));
            } else if (value == null && provenance != null && provenance.source() == Provenance.Source.NOT_VERIFIED) {
                session.answers().setProvenance(field.id(), null);
            }
        }
    }

    private static void markFollowersNotVerified(FormSession session, String lookupId) {
        for (var follower : session.form().lookups()) {
            if (!follower.key().equals(lookupId) || follower.id().equals(lookupId)) {
                continue;
            }
            for (var field : session.form().topLevelFields().values()) {
                if (field.prefill() == null || !field.prefill().references().contains(follower.id())) {
                    continue;
                }
                var provenance = session.answers().provenance(field.id());
                if (provenance == null || provenance.source() == Provenance.Source.NOT_VERIFIED) {
                    session.answers()
                            .setProvenance(
                                    field.id(),
                                    new Provenance(
                                            Provenance.Source.NOT_VERIFIED,
                                            follower.type().register(),
                                            null,
                                            null));
                }
            }
            markFollowersNotVerified(session, follower.id());
        }
    }

    private static Object prefillValue(Field field, java.util.Map<String, Object> variables) {
        try {
            var raw = field.prefill().evaluate(variables);
            var value = field.type() instanceof dk.indgang.definition.FieldType.Address
                            && raw instanceof java.util.Map<?, ?> map
                    ? AddressValue.fromMap((java.util.Map<String, ?>) map)
                    : FormSession.fromCel(field.type(), raw);
            return Answers.isEmpty(value) ? null : value;
        } catch (Expression.Undetermined e) {
            return null;
        } catch (Expression.ExpressionFailure | ClassCastException | IllegalArgumentException e) {
            // A prefill that type-checked but cannot give this field a value: no prefill, and say so.
            LOG.log(System.Logger.Level.WARNING, "prefill of {0} failed: {1}", field.id(), e.getMessage());
            return null;
        }
    }
}
