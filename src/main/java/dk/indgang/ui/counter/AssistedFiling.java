package dk.indgang.ui.counter;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.security.CurrentUser;
import dk.indgang.submission.Channel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The citizen a caseworker is helping in this browser session, with the stated purpose, the
 * channel (counter or phone) and whether consent is recorded. The wizard opens a citizen's drafts
 * for a caseworker only through it.
 */
@Component
@VaadinSessionScope
public class AssistedFiling {

    private AssistedFilings.Citizen citizen;
    private String purpose;
    private Channel channel = Channel.COUNTER;
    private boolean consent;

    public void begin(AssistedFilings.Citizen citizen, String purpose, Channel channel) {
        this.citizen = citizen;
        this.purpose = purpose.strip();
        this.channel = channel;
        this.consent = false;
    }

    public void end() {
        citizen = null;
        purpose = null;
        consent = false;
    }

    public Optional<AssistedFilings.Citizen> citizen() {
        return Optional.ofNullable(citizen);
    }

    public String purpose() {
        return purpose;
    }

    public Channel channel() {
        return channel;
    }

    public boolean consent() {
        return consent;
    }

    public void consent(boolean given) {
        this.consent = given;
    }

    /** Who helps whom, how and why, for the service; empty when no citizen is chosen. */
    public Optional<AssistedFilings.Assistance> assistance(CurrentUser.User user) {
        return citizen().map(c -> new AssistedFilings.Assistance(user.username(), user.name(), c, channel, purpose));
    }
}
