package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Application;
import dk.indgang.submission.Draft;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A test form, a session of it and a mode that records what the wizard asked of it: no Spring. */
final class WizardFixtures {

    static final FormDefinition HUSSTAND =
            new FormLoader().load(Path.of("src/test/resources/forms/husstand-test.yaml"));

    static final CurrentUser.User METTE =
            new CurrentUser.User(Persons.METTE, "Mette", Optional.of(Persons.METTE), true, false, false);

    private WizardFixtures() {}

    static FormSession session() {
        return new FormSession(HUSSTAND, new Answers(), TestClock.CLOCK);
    }

    /** A mode whose warning controls are a marker, so a test sees where they went. */
    static final class RecordingMode implements AssistanceMode {
        @Override
        public boolean serves(CurrentUser.User user) {
            return true;
        }

        @Override
        public Optional<String> citizenCpr(CurrentUser.User user) {
            return user.cpr();
        }

        @Override
        public LookupContext lookupContext(LookupRunner.Due due, Draft draft, CurrentUser.User user) {
            return new LookupContext(
                    user.username(), draft.ownerCpr(), "test", draft.id().toString());
        }

        @Override
        public Component warningControls(
                Violation warning, FormSession session, CurrentUser.User user, Runnable changed) {
            var marker = new Span("controls");
            marker.setId("controls-" + warning.ruleId());
            return marker;
        }

        @Override
        public Application submit(Draft draft, FormSession session, CurrentUser.User user, Locale locale) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public List<Component> afterSubmit(Optional<Application> application, Draft draft) {
            return List.of();
        }

        @Override
        public Class<? extends Component> home() {
            return Span.class;
        }
    }
}
