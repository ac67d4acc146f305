package dk.indgang.ui.counter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dk.indgang.assisted.AssistedFilings;
import dk.indgang.engine.CprNumber;
import dk.indgang.security.CurrentUser;
import dk.indgang.security.Roles;
import dk.indgang.submission.Channel;
import dk.indgang.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The counter workspace (Borgerservice and the contact centre): find the citizen by CPR number with
 * a stated purpose, record their consent, see their drafts and applications, start or continue an
 * application on their behalf. Every step that shows the citizen's data is audited with the purpose.
 */
@Route(value = "skranke", layout = MainLayout.class)
@RolesAllowed(Roles.COUNTER)
public class CounterView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final AssistedFiling assisted;
    private final AssistedFilings filings;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();
    private final TextField cpr = new TextField();
    private final TextField purpose = new TextField();
    private final CitizenPanel citizenPanel;

    public CounterView(AssistedFiling assisted, AssistedFilings filings, CurrentUser currentUser, Clock clock) {
        this.assisted = assisted;
        this.filings = filings;
        this.currentUser = currentUser;
        this.clock = clock;
        this.citizenPanel = new CitizenPanel(assisted, filings, currentUser.require(), this::render);
        setPadding(false);
        addClassName("narrow");
        channel.setItems(Channel.COUNTER, Channel.PHONE);
        channel.setId("counter-channel");
        cpr.setId("counter-cpr");
        cpr.setMaxLength(11);
        cpr.setAllowedCharPattern("[0-9-]");
        purpose.setId("counter-purpose");
        purpose.setMaxLength(300);
        render();
    }

    private void render() {
        removeAll();
        channel.setLabel(getTranslation("counter.channel"));
        channel.setItemLabelGenerator(c -> getTranslation("counter.channel." + c.json()));
        channel.setValue(assisted.channel());
        cpr.setLabel(getTranslation("counter.cpr"));
        cpr.setHelperText(getTranslation("counter.cpr.help"));
        purpose.setLabel(getTranslation("counter.purpose"));
        purpose.setHelperText(getTranslation("counter.purpose.help"));
        purpose.setRequiredIndicatorVisible(true);
        var find = new Button(getTranslation("counter.find"), e -> find());
        find.addThemeVariants(ButtonVariant.PRIMARY);
        find.setId("counter-find");
        add(
                new H1(getTranslation("counter.title")),
                new Paragraph(getTranslation("counter.intro")),
                channel,
                cpr,
                purpose,
                new Div(find),
                citizenPanel);
        citizenPanel.render();
    }

    private void find() {
        cpr.setInvalid(false);
        purpose.setInvalid(false);
        var parsed = CprNumber.parse(cpr.getValue(), LocalDate.now(clock));
        if (parsed.number().isEmpty()) {
            cpr.setErrorMessage(getTranslation("counter.cpr.invalid"));
            cpr.setInvalid(true);
            cpr.focus();
            return;
        }
        if (purpose.getValue().isBlank()) {
            purpose.setErrorMessage(getTranslation("counter.purpose.missing"));
            purpose.setInvalid(true);
            purpose.focus();
            return;
        }
        var stated = purpose.getValue().strip();
        var via = channel.getValue() == null ? Channel.COUNTER : channel.getValue();
        var found = filings.find(
                parsed.number().get().digits(),
                stated,
                via,
                currentUser.require().username());
        if (found.isEmpty()) {
            assisted.end();
            citizenPanel.render();
            cpr.setErrorMessage(getTranslation("counter.cpr.unknown"));
            cpr.setInvalid(true);
            return;
        }
        assisted.begin(found.get(), stated, via);
        cpr.clear();
        citizenPanel.render();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("counter.title") + " · Indgang";
    }
}
