package dk.indgang.definition;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Something wrong with a definition: where, which message (a key into {@code
 * definition-messages}), its arguments and how much it weighs.
 */
public record Problem(Location location, String messageKey, List<Object> args, Severity severity) {

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem error(Location location, String messageKey, Object... args) {
        return new Problem(location, messageKey, List.of(args), Severity.ERROR);
    }

    public String message(Locale locale) {
        var bundle = ResourceBundle.getBundle("definition-messages", locale);
        try {
            return new java.text.MessageFormat(bundle.getString(messageKey), locale).format(args.toArray());
        } catch (MissingResourceException e) {
            return messageKey + " " + args;
        }
    }

    /** One line in the style compilers use, so editors and CI logs can jump to it. */
    public String format(Locale locale) {
        return location + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + message(locale);
    }
}
