package reference;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest Spring Boot + Vaadin application: one view with a heading and a button. */
@SpringBootApplication
public class ReferenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferenceApplication.class, args);
    }

    /** The one view. */
    @Route("")
    public static class HelloView extends VerticalLayout {

        public HelloView() {
            var greeting = new H1("Hej");
            add(greeting, new Button("Sig hej", e -> greeting.setText("Hej igen")));
        }
    }
}
