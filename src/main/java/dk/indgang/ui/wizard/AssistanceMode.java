package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Application;
import dk.indgang.submission.Draft;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What differs between a citizen filling in her own form and a caseworker filing it for her at the
 * counter or on the phone. The wizard asks the mode and never branches on the role itself; the
 * citizen's package and the counter's each implement it as a Spring bean.
 */
public interface AssistanceMode {

    /** Whether this mode serves the user: a citizen online, or a caseworker assisting. */
    boolean serves(CurrentUser.User user);

    /** Whose drafts the user may open: her own, or those of the citizen the caseworker found. */
    Optional<String> citizenCpr(CurrentUser.User user);

    /** The caseworker who gives the answers on the citizen's behalf; empty for the citizen herself. */
    default Optional<String> answersOnBehalf(CurrentUser.User user) {
        return Optional.empty();
    }

    /** The text that tells what the applicant's standing in CPR means for the application. */
    default String standingKey(dk.indgang.engine.ApplicantStanding standing) {
        return "wizard." + standing.key();
    }

    /** The wizard opened a draft (a caseworker's view of a citizen's draft is audited). */
    default void opened(Draft draft, CurrentUser.User user) {}

    /** A banner above the form (whom the caseworker is helping), or none. */
    default Optional<Component> banner() {
        return Optional.empty();
    }

    /** The context a lookup for this draft is made and audited under. */
    LookupContext lookupContext(LookupRunner.Due due, Draft draft, CurrentUser.User user);

    /**
     * The controls under a warning: the citizen confirms and explains, a caseworker overrides with a
     * justification. They change the answers through the session and then call {@code changed}.
     */
    Component warningControls(Violation warning, FormSession session, CurrentUser.User user, Runnable changed);

    /** A note beside a value of this provenance, when the mode words it differently from the citizen's. */
    default Optional<String> provenanceNote(Component at, Provenance provenance) {
        return Optional.empty();
    }

    /** Controls on the review page above Send (the declaration read aloud at the counter). */
    default Optional<Component> beforeSubmit(FormSession session) {
        return Optional.empty();
    }

    /**
     * Submits the application through the service, which decides.
     *
     * @throws dk.indgang.submission.NotSubmittableException when the verdict or a rule says no
     */
    Application submit(Draft draft, FormSession session, CurrentUser.User user, Locale locale);

    /** What the done page offers after the receipt, and where it leads on. */
    List<Component> afterSubmit(Optional<Application> application, Draft draft);

    /** Where Back on the first step and "not found" lead: the forms list, or the counter workspace. */
    Class<? extends Component> home();
}
