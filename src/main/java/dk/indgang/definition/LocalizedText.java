package dk.indgang.definition;

import jakarta.validation.constraints.NotBlank;
import java.util.Locale;

/** A text in Danish and English; Danish is the fallback. */
public record LocalizedText(
        @NotBlank(message = "text.da.blank") String da,
        @NotBlank(message = "text.en.blank") String en) {

    public static LocalizedText of(String da, String en) {
        return new LocalizedText(da, en);
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : da;
    }
}
