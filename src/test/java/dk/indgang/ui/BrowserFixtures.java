package dk.indgang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The browser tests' base: one Playwright and Debian's Chromium per test class (docs/adr/0004-dependencies.md), and
 * the axe-core WCAG 2.1 AA check.
 */
abstract class BrowserFixtures {

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** No serious or critical axe violations of WCAG 2.1 A/AA on the page as it is now. */
    static void assertAccessible(Page page, String where) {
        page.waitForLoadState();
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        var serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(BrowserFixtures::describe)
                .toList();
        assertThat(serious).as("serious or critical axe violations on " + where).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .limit(3)
                        .toList();
    }
}
