package dk.indgang.ui.counter;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import dk.indgang.submission.Channel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The citizen a caseworker is helping in this browser session, with the stated purpose and the
 * channel (counter or phone). The wizard opens a citizen's drafts for a caseworker only through it.
 */
@Component
@VaadinSessionScope
public class AssistedFiling {

    /**
     * @param name the name CPR gives, or null when CPR could not answer
     * @param address one line, or null when protected or unknown
     */
    public record Citizen(String cpr, String name, String address, boolean addressProtected) {}

    private Citizen citizen;
    private String purpose;
    private Channel channel = Channel.COUNTER;
    private boolean consent;

    public void begin(Citizen citizen, String purpose, Channel channel) {
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

    public Optional<Citizen> citizen() {
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

    /** How the citizen consented to the lookups, as the application records it. */
    public String consentKind() {
        return channel == Channel.PHONE ? "oral" : "in-person";
    }
}
