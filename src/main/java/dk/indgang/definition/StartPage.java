package dk.indgang.definition;

import jakarta.validation.Valid;
import java.util.List;

/**
 * What a form's start page says before she begins, besides the form's description (what it is
 * for): what she needs at hand and about how long it takes.
 *
 * @param need one line per thing to have ready (e.g. "Din lejekontrakt")
 * @param minutes about how many minutes it takes; null when not said
 */
public record StartPage(List<@Valid LocalizedText> need, Integer minutes) {

    public static final StartPage NONE = new StartPage(List.of(), null);

    public StartPage {
        need = need == null ? List.of() : List.copyOf(need);
    }
}
