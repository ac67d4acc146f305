package dk.indgang.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/** The screens' texts, Danish first, from {@code messages*.properties}. */
@Component
public class Translations implements I18NProvider {

    public static final Locale DANISH = Locale.forLanguageTag("da");
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(DANISH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        var use = locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : DANISH;
        try {
            var text = ResourceBundle.getBundle(
                            "messages",
                            use,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
            return params.length == 0 ? text : new MessageFormat(text, use).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
