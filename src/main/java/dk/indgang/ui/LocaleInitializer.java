package dk.indgang.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Danish unless the user chose English in this session; keeps {@code <html lang>} true so screen
 * readers pronounce the page in the right language (WCAG 3.1.1).
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_KEY = "indgang.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            var ui = init.getUI();
            var chosen = (Locale) ui.getSession().getAttribute(SESSION_KEY);
            apply(ui, chosen != null ? chosen : Translations.DANISH);
        });
    }

    static void apply(UI ui, Locale locale) {
        VaadinSession session = ui.getSession();
        session.setAttribute(SESSION_KEY, locale);
        ui.setLocale(locale);
        ui.getElement().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }
}
