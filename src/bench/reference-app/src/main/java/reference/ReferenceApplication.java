package reference;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest Spring Boot + Vaadin application: one view with a heading and a button. With {@code
 * --start-training=true} it exits once it has started, as Indgang's training start for the JDK's AOT
 * cache does, so both caches are made from a whole start.
 */
@SpringBootApplication
public class ReferenceApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(ReferenceApplication.class, args);
        if (context.getEnvironment().getProperty("start-training", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
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
