package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.design.DesignerFixtures;
import dk.indgang.design.FormDesigns;
import dk.indgang.submission.Drafts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The designer end to end in Debian's Chromium: add a field with a visibleWhen to a working copy of
 * a form, see the located expression error, fix it, preview with a test person, run the scenarios
 * and publish; a citizen then gets the new version while an existing draft stays on the old one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DesignerBrowserIT extends BrowserFixtures {

    static final Path FORMS = DesignerFixtures.formsCopy();

    @DynamicPropertySource
    static void forms(DynamicPropertyRegistry registry) {
        registry.add("indgang.forms.dir", FORMS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Drafts drafts;

    @Autowired
    FormDesigns designs;

    private Page login(String who) {
        var page = browser.newContext().newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://localhost:" + port + "/login");
        page.click("#login-" + who);
        page.waitForLoadState();
        return page;
    }

    private static void type(Page page, String id, String value) {
        var input = page.locator("#" + id + " input");
        input.fill(value);
        input.press("Tab");
    }

    @Test
    void aDraftWhosePublishedFormChangedSinceItBeganSaysSo() throws Exception {
        var design = designs.open("registre-test", "designer");
        var file = FORMS.resolve("registre-test.yaml");
        var original = java.nio.file.Files.readString(file);
        // the published file edited by hand under the same version number
        java.nio.file.Files.writeString(file, original.replace("label: {da: \"Navn\"", "label: {da: \"Fulde navn\""));
        catalog.reload();
        try {
            var page = login("designer");
            page.waitForURL("**/designer");
            page.navigate("http://localhost:" + port + "/designer/" + design.id());
            assertThat(page.locator("#design-stale"))
                    .containsText("Den udgivne version 1 er ændret, siden kladden blev startet");
            assertAccessible(page, "a draft whose published form changed");
            shot(page, "designer-stale");
        } finally {
            java.nio.file.Files.writeString(file, original);
            catalog.reload();
            designs.discard(designs.find(design.id()).orElseThrow());
        }
    }

    @Test
    void aDesignerAddsAFieldFixesItsExpressionPreviewsRunsTheScenariosAndPublishes() {
        var old = catalog.current("husstand-test").orElseThrow();
        var existing = drafts.start(old, Persons.METTE);

        var page = login("designer");
        page.waitForURL("**/designer");
        assertThat(page.locator("#design-form-husstand-test")).containsText("udgivet version " + old.version());
        assertAccessible(page, "designer workspace");
        page.click("#design-edit-husstand-test");
        assertThat(page.locator("h1")).hasText("Rediger husstand-test");
        assertThat(page.locator("#design-ok")).isVisible();

        assertThat(page.locator("#el-r0")).containsText("huslejeOverIndkomst");
        page.click("#el-0");
        page.click("#add-field");
        assertThat(page.locator("#el-0-4")).containsText("felt1");
        type(page, "prop-label-da", "Dit kæledyr");
        assertThat(page.locator("#el-0-4")).containsText("Dit kæledyr");
        type(page, "prop-visibleWhen", "harBoern &&");
        assertThat(page.locator("#el-0-4-problems")).isVisible();
        assertThat(page.locator("#element-problems")).containsText("Linje");
        assertThat(page.locator("#design-problems")).containsText("felt felt1");
        assertAccessible(page, "editor with a located error");

        type(page, "prop-visibleWhen", "harBoern");
        assertThat(page.locator("#design-ok")).isVisible();
        page.click("#tab-source");
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("#design-source textarea").inputValue())
                .contains("visibleWhen: harBoern", "id: felt1");
        page.click("#tab-structure");

        page.click("#preview-person");
        page.locator("vaadin-select-item")
                .filter(new Locator.FilterOptions().setHasText("Mette Fiktiv Testesen"))
                .click();
        assertThat(page.locator("#preview-step")).containsText("Om dig");
        assertThat(page.locator("#preview-felt1")).hasCount(0);
        page.locator("#preview-harBoern vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText("Ja"))
                .locator("label")
                .click();
        assertThat(page.locator("#preview-felt1")).isVisible();

        page.click("#run-scenarios");
        assertThat(page.locator("#scenario-summary")).hasText("2 af 2 scenarier bestået");

        page.click("#publish");
        assertThat(page.locator("#publish-changes")).containsText("Felt tilføjet: »Dit kæledyr« (felt1, text)");
        assertAccessible(page, "publish");
        page.click("#publish-confirm");
        assertThat(page.locator("#published")).containsText("Udgivet som version " + (old.version() + 1));
        assertThat(page.locator("#add-field")).isHidden();
        assertThat(page.locator("#publish")).isHidden();

        // The existing draft stays on its version; a citizen starting now gets the new one.
        org.assertj.core.api.Assertions.assertThat(
                        drafts.find(existing.id(), Persons.METTE).orElseThrow().formVersion())
                .isEqualTo(old.version());
        org.assertj.core.api.Assertions.assertThat(designs.audit("husstand-test"))
                .first()
                .satisfies(a ->
                        org.assertj.core.api.Assertions.assertThat(a.actor()).isEqualTo("designer"));
        page.click("text=Tilbage til formularerne");
        page.locator("#design-history-husstand-test").click();
        assertThat(page.locator("#design-history-husstand-test")).containsText("Felt tilføjet: »Dit kæledyr«");
        var citizen = login(Persons.METTE);
        citizen.click("#start-husstand-test");
        citizen.locator("#field-harBoern vaadin-radio-button")
                .filter(new Locator.FilterOptions().setHasText("Ja"))
                .locator("label")
                .click();
        assertThat(citizen.locator("#field-felt1")).isVisible();
        citizen.navigate("http://localhost:" + port + "/designer");
        assertThat(citizen.locator("#design-edit-husstand-test")).hasCount(0);
    }
}
