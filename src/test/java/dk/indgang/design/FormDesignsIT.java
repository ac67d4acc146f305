package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.DefinitionException;
import dk.indgang.submission.Drafts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The designer's services on a forms folder of their own: structure edits through the source, the
 * build's checks located at the element, publishing a new version whose file is written while drafts
 * stay on the old version, the diff in plain words, the publish audit.
 */
@SpringBootTest
@ActiveProfiles("test")
class FormDesignsIT {

    static final Path FORMS = DesignerFixtures.formsCopy();

    @DynamicPropertySource
    static void forms(DynamicPropertyRegistry registry) {
        registry.add("indgang.forms.dir", FORMS::toString);
    }

    @Autowired
    FormDesigns designs;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Drafts drafts;

    @Test
    void aDesignerAddsAFieldSeesALocatedExpressionErrorFixesItAndPublishesANewVersion() throws IOException {
        var before = catalog.current("husstand-test").orElseThrow();
        var citizensDraft = drafts.start(before, Persons.METTE);
        var design = designs.open("husstand-test", "designer");
        assertThat(designs.open("husstand-test", "designer").id()).isEqualTo(design.id());

        var elements = DesignSource.elements(design.source());
        var dig =
                elements.stream().filter(e -> e.id().equals("dig")).findFirst().orElseThrow();
        var source =
                DesignSource.addField(design.source(), dig.step(), -1, "kaeledyr", "text", "Dit kæledyr", "Your pet");
        var field = DesignSource.elements(source).stream()
                .filter(e -> e.id().equals("kaeledyr"))
                .findFirst()
                .orElseThrow();
        source = DesignSource.set(source, field.step(), field.field(), "visibleWhen", "harBoern &&");
        design = designs.save(design, source, "designer");
        var check = designs.check(design, source);
        assertThat(check.ok()).isFalse();
        var problem = check.problems().getFirst();
        assertThat(DesignSource.at(
                        DesignSource.elements(source), problem.location().line()))
                .get()
                .extracting(DesignSource.Element::id)
                .isEqualTo("kaeledyr");
        assertThat(problem.message(Locale.forLanguageTag("da"))).isNotBlank();
        var invalid = design;
        assertThatThrownBy(() -> designs.publish(invalid, "designer")).isInstanceOf(DefinitionException.class);
        assertThat(catalog.current("husstand-test").orElseThrow().version()).isEqualTo(before.version());

        source = DesignSource.set(source, field.step(), field.field(), "visibleWhen", "harBoern");
        design = designs.save(design, source, "designer");
        assertThat(designs.check(design, source).ok()).isTrue();
        assertThat(source).startsWith("# yaml-language-server");

        var published = designs.publish(design, "designer");
        // Raised above every version ever served (other tests in this JVM may have published some).
        var version = published.form().version();
        assertThat(version).isGreaterThan(before.version());
        assertThat(published.changes())
                .anyMatch(c ->
                        c.startsWith("Felt tilføjet: »Dit kæledyr« (kaeledyr, text)") && c.contains("når harBoern"));
        assertThat(Files.readString(FORMS.resolve("husstand-test.yaml"))).contains("kaeledyr", "version: " + version);
        assertThat(catalog.current("husstand-test").orElseThrow().version()).isEqualTo(version);
        // The citizen's draft stays on the version it began on.
        var kept = drafts.find(citizensDraft.id(), Persons.METTE).orElseThrow();
        assertThat(kept.formVersion()).isEqualTo(before.version());
        assertThat(drafts.definitionOf(kept).field("kaeledyr")).isEmpty();
        assertThat(designs.audit("husstand-test")).first().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("designer");
            assertThat(a.version()).isEqualTo(version);
            assertThat(a.summary()).contains("kaeledyr");
        });
    }

    @Test
    void aDraftSaysWhenThePublishedFormChangedSinceItBegan() throws IOException {
        var design = designs.open("registre-test", "designer");
        assertThat(designs.publishedSince(design)).isEmpty();
        var file = FORMS.resolve("registre-test.yaml");
        var original = Files.readString(file);
        // the published file edited by hand under the same version number
        Files.writeString(file, original.replace("label: {da: \"Navn\"", "label: {da: \"Fulde navn\""));
        catalog.reload();
        try {
            var since = designs.publishedSince(designs.find(design.id()).orElseThrow())
                    .orElseThrow();
            assertThat(since.base()).isEqualTo(1);
            assertThat(since.serving().field("navn").orElseThrow().label().da()).isEqualTo("Fulde navn");
        } finally {
            Files.writeString(file, original);
            catalog.reload();
        }
        assertThat(designs.publishedSince(designs.find(design.id()).orElseThrow()))
                .isEmpty();
        designs.discard(design);
    }

    @Test
    void structureEditsMoveAndRemoveAndACopyGetsItsOwnId() {
        var design = designs.copy("registre-test", "registre-kopi", "designer");
        assertThat(design.source()).contains("id: registre-kopi").contains("version: 1");
        assertThat(designs.check(design, design.source()).ok()).isTrue();
        var source = DesignSource.addStep(design.source(), 0, "ekstra", "Ekstra", "Extra");
        var steps = DesignSource.elements(source).stream()
                .filter(DesignSource.Element::isStep)
                .toList();
        assertThat(steps.get(1).id()).isEqualTo("ekstra");
        source = DesignSource.move(source, 1, -1, -1);
        assertThat(DesignSource.elements(source).getFirst().id()).isEqualTo("ekstra");
        source = DesignSource.remove(source, 0, -1);
        assertThat(DesignSource.elements(source)).noneMatch(e -> e.id().equals("ekstra"));
        assertThat(designs.check(design, source).ok()).isTrue();
        var renamed = source.replace("id: registre-kopi", "id: noget-andet");
        assertThat(designs.check(design, renamed).problems())
                .anyMatch(p -> p.messageKey().equals("design.id.changed"));
        assertThatThrownBy(() -> designs.copy("registre-test", "husstand-test", "designer"))
                .isInstanceOf(IllegalArgumentException.class);
        designs.discard(design);
        assertThat(designs.find(design.id())).isEmpty();
        assertThat(catalog.current("registre-kopi")).isEmpty();
    }

    @Test
    void rulesAreEditedInTheStructureWithTheirConditionCheckedAndTheDiffSaysSo() {
        var design = designs.copy("husstand-test", "husstand-regler", "designer");
        var source = DesignSource.addRule(design.source(), "hoejHusleje");
        var rule = DesignSource.elements(source).stream()
                .filter(e -> e.isRule() && e.id().equals("hoejHusleje"))
                .findFirst()
                .orElseThrow();
        source = DesignSource.set(source, rule.step(), rule.field(), "when", "husleje > ");
        var check = designs.check(design, source);
        assertThat(check.ok()).isFalse();
        assertThat(DesignSource.at(
                        DesignSource.elements(source),
                        check.problems().getFirst().location().line()))
                .get()
                .satisfies(e ->
                        assertThat(e.isRule() && e.id().equals("hoejHusleje")).isTrue());
        source = DesignSource.set(source, rule.step(), rule.field(), "when", "husleje > 20000.0");
        source = DesignSource.set(source, rule.step(), rule.field(), "fields", "husleje");
        source = DesignSource.set(
                source, rule.step(), rule.field(), "message.da", "Huslejen er meget høj. Tjek beløbet.");
        assertThat(DesignSource.get(source, rule.step(), rule.field(), "fields"))
                .isEqualTo("husleje");
        var ok = designs.check(design, source);
        assertThat(ok.problems()).isEmpty();
        var published = designs.publish(designs.save(design, source, "designer"), "designer");
        assertThat(published.form().version()).isEqualTo(1);
        assertThat(published.changes()).anyMatch(c -> c.startsWith("Ny formular"));
        assertThat(catalog.current("husstand-regler")).isPresent();
    }

    @Test
    void optionsAreEditedAsLines() {
        var design = designs.copy("husstand-test", "husstand-valg", "designer");
        var boligType = DesignSource.elements(design.source()).stream()
                .filter(e -> e.id().equals("boligType"))
                .findFirst()
                .orElseThrow();
        assertThat(DesignSource.options(design.source(), boligType.step(), boligType.field()))
                .isEqualTo("leje | Lejebolig | Rented\nandel | Andelsbolig | Co-operative\nejer | Ejerbolig | Owned");
        var source = DesignSource.setOptions(
                design.source(),
                boligType.step(),
                boligType.field(),
                "leje | Lejebolig | Rented\n\nværelse | Lejet værelse\n");
        assertThat(DesignSource.options(source, boligType.step(), boligType.field()))
                .isEqualTo("leje | Lejebolig | Rented\nværelse | Lejet værelse | Lejet værelse");
        // The rule comparing with 'ejer' still type-checks; the loader accepts the new options.
        assertThat(designs.check(design, source).problems()).isEmpty();
    }
}
