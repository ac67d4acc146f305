package dk.indgang.assisted;

import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.CitizenAccessLog.Action;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Registers;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What a caseworker does for a citizen, each step audited with the stated purpose. */
@Service
public class AssistedFilings {

    /**
     * The citizen as the caseworker may see them.
     *
     * @param name the name CPR gives, or null when CPR could not answer
     * @param address one line, or null when protected or unknown
     */
    public record Citizen(String cpr, String name, String address, boolean addressProtected) {}

    /**
     * Who helps whom, how and why: the caseworker, the citizen, the channel, the stated purpose.
     *
     * @param actor the caseworker's user name (audit), {@code actorName} their name (receipt)
     */
    public record Assistance(String actor, String actorName, Citizen citizen, Channel channel, String purpose) {

        /** How the citizen consented to the lookups, as the application records it. */
        public String consent() {
            return channel == Channel.PHONE ? "oral" : "in-person";
        }
    }

    private final Registers registers;
    private final CitizenAccessLog accessLog;
    private final Drafts drafts;
    private final Clock clock;

    AssistedFilings(Registers registers, CitizenAccessLog accessLog, Drafts drafts, Clock clock) {
        this.registers = registers;
        this.accessLog = accessLog;
        this.drafts = drafts;
        this.clock = clock;
    }

    /**
     * Finds a citizen by CPR number (digits) for a stated purpose; empty when CPR does not know the
     * number. When CPR does not answer, the citizen is found without name or address.
     */
    public Optional<Citizen> find(String cpr, String purpose, Channel channel, String actor) {
        accessLog.record(actor, cpr, channel.json(), Action.FIND_CITIZEN, purpose, null);
        var result = registers.person(cpr, new LookupContext(actor, cpr, purpose, "skranke"));
        if (result.outcome() == LookupResult.Outcome.NOT_FOUND) {
            return Optional.empty();
        }
        var person = result.data();
        var isProtected = result.outcome() == LookupResult.Outcome.PROTECTED
                || person.map(RegisterData.Person::addressProtected).orElse(false);
        return Optional.of(new Citizen(
                cpr,
                person.map(RegisterData.Person::fullName).orElse(null),
                isProtected
                        ? null
                        : person.map(RegisterData.Person::address)
                                .map(RegisterData.RegisteredAddress::display)
                                .orElse(null),
                isProtected));
    }

    /** The caseworker sees the citizen's drafts and applications. */
    public void viewed(Assistance assistance) {
        record(assistance, Action.VIEW_OVERVIEW, null);
    }

    /** A new draft for the citizen, with the assistance on record. */
    public Draft start(FormDefinition form, Assistance assistance) {
        var draft = recordAssistance(drafts.start(form, assistance.citizen().cpr()), assistance);
        record(assistance, Action.START_APPLICATION, draft);
        return draft;
    }

    /** Continues a draft (the citizen's own or an assisted one), with the assistance now on record. */
    public Draft resume(Draft draft, Assistance assistance) {
        var updated = recordAssistance(draft, assistance);
        record(assistance, Action.OPEN_DRAFT, updated);
        return updated;
    }

    /** The wizard opened a draft for the caseworker. */
    public void opened(Draft draft, Assistance assistance) {
        record(assistance, Action.OPEN_DRAFT, draft);
    }

    public void submitted(Draft draft, Assistance assistance) {
        record(assistance, Action.SUBMIT_APPLICATION, draft);
    }

    private void record(Assistance assistance, Action action, Draft draft) {
        accessLog.record(
                assistance.actor(),
                assistance.citizen().cpr(),
                assistance.channel().json(),
                action,
                assistance.purpose(),
                draft == null ? null : draft.id().toString());
    }

    /** Channel, caseworker and consent go with the draft, so a hand-over keeps them. */
    private Draft recordAssistance(Draft draft, Assistance assistance) {
        var answers = draft.answers().copy();
        answers.setAssistance("channel", assistance.channel().json());
        answers.setAssistance("caseworker", assistance.actor());
        answers.setAssistance("caseworkerName", assistance.actorName());
        answers.setAssistance("consent", assistance.consent());
        answers.setAssistance("consentAt", OffsetDateTime.now(clock).toString());
        answers.setAssistance("declarationReadAloud", null);
        return drafts.save(draft, answers, draft.currentStep());
    }
}
