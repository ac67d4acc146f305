package dk.indgang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class FormCatalogIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @TempDir
    Path forms;

    private String source(int version) throws IOException {
        return Files.readString(Path.of("src/test/resources/forms/husstand-test.yaml"))
                .replace("id: husstand-test", "id: katalog-test")
                .replace("version: 1", "version: " + version);
    }

    @Test
    void aBrokenFileNeverReplacesTheServingVersionAndOldVersionsStayAvailable() throws IOException {
        var file = forms.resolve("katalog-test.yaml");
        Files.writeString(file, source(1));
        var catalog =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        var v1 = catalog.current("katalog-test").orElseThrow();
        assertThat(v1.version()).isEqualTo(1);

        Files.writeString(file, source(2).replace("when: \"husleje > indkomst\"", "when: \"husleje > indkomt\""));
        catalog.reload();
        assertThat(catalog.current("katalog-test").orElseThrow().sha256()).isEqualTo(v1.sha256());
        assertThat(catalog.problems())
                .extracting(p -> p.messageKey())
                .containsExactly("expression.unknown.name.suggest");

        Files.writeString(file, source(2));
        catalog.reload();
        assertThat(catalog.current("katalog-test").orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.problems()).isEmpty();

        // A fresh catalog (a restart) still finds version 1 for drafts that began on it.
        var restarted =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        var old = restarted.version("katalog-test", 1, v1.sha256()).orElseThrow();
        assertThat(old.version()).isEqualTo(1);
        assertThat(old.sha256()).isEqualTo(v1.sha256());
    }

    @Test
    void theFormsLoadAfterTheStartAndTheHealthSaysWhenTheyAre() throws IOException {
        Files.writeString(forms.resolve("katalog-test.yaml"), source(1));
        var catalog =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        var health = new FormsHealth(catalog);
        // made, not loaded: the start does not wait for the forms, a balancer does
        assertThat(catalog.firstLoadState()).isEqualTo(FormCatalog.FirstLoad.NOT_BEGUN);
        assertThat(health.health().getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");

        // while the load runs — held here by keeping the catalog's own lock, as a long reload would —
        // the health answers at once, from another thread, and says the forms are loading
        synchronized (catalog) {
            catalog.loadAfterStart();
            var whileLoading = java.util.concurrent.CompletableFuture.supplyAsync(health::health)
                    .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
            assertThat(whileLoading.getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
            assertThat(catalog.firstLoadState()).isEqualTo(FormCatalog.FirstLoad.RUNNING);
        }
        // the first reader waits for the load begun at the ready event
        assertThat(catalog.current("katalog-test")).isPresent();
        assertThat(catalog.firstLoadState()).isEqualTo(FormCatalog.FirstLoad.DONE);
        var up = health.health();
        assertThat(up.getStatus().getCode()).isEqualTo("UP");
        assertThat(up.getDetails()).containsEntry("served", catalog.all().size());

        // a catalog nobody started loads at its first reader
        var unstarted =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        assertThat(unstarted.current("katalog-test")).isPresent();
        assertThat(new FormsHealth(unstarted).health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void anExampleFormIsOfferedInDevelopmentOnly() throws IOException {
        Files.copy(Path.of("forms/eksempel-husstand.yaml"), forms.resolve("eksempel-husstand.yaml"));
        Files.writeString(forms.resolve("katalog-test.yaml"), source(1));
        var production =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), false, false), jdbc, clock);
        assertThat(production.current("eksempel-husstand").orElseThrow().example())
                .isTrue();
        assertThat(production.forAudience(dk.indgang.definition.Audience.CITIZEN))
                .extracting(f -> f.id())
                .containsExactly("katalog-test");
        assertThat(production.offered("eksempel-husstand", dk.indgang.definition.Audience.CITIZEN))
                .isEmpty();
        var development =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        assertThat(development.forAudience(dk.indgang.definition.Audience.CITIZEN))
                .extracting(f -> f.id())
                .contains("eksempel-husstand", "katalog-test");
    }

    @Test
    void newFiguresInARateTableServeWithoutTouchingTheFormAndBrokenOnesNever() throws IOException {
        Files.copy(Path.of("forms/boernetilskud.yaml"), forms.resolve("boernetilskud.yaml"));
        Files.createDirectories(forms.resolve("rates"));
        var ratesFile = forms.resolve("rates/boernetilskud.yaml");
        var rates = Files.readString(Path.of("forms/rates/boernetilskud.yaml"));
        Files.writeString(ratesFile, rates);
        var catalog =
                new FormCatalog(new FormsProperties(forms, false, Duration.ofSeconds(5), true, false), jdbc, clock);
        var form = catalog.current("boernetilskud").orElseThrow();
        var day = java.time.LocalDate.of(2026, 11, 22);
        assertThat(catalog.rates(form).orElseThrow().validOn(day).orElseThrow().values())
                .containsEntry("ordinaryPerChild", new java.math.BigDecimal("6964"));

        Files.writeString(ratesFile, rates.replace("ordinaryPerChild: 6964", "ordinaryPerChild: 7000"));
        catalog.reload();
        assertThat(catalog.rates(form).orElseThrow().validOn(day).orElseThrow().values())
                .containsEntry("ordinaryPerChild", new java.math.BigDecimal("7000"));

        Files.writeString(ratesFile, rates.replace("ordinaryPerChild: 6964", "ordinaryPerChildX: 6964"));
        catalog.reload();
        assertThat(catalog.problems()).extracting(p -> p.messageKey()).contains("rates.key.unknown");
        assertThat(catalog.rates(form).orElseThrow().validOn(day).orElseThrow().values())
                .containsEntry("ordinaryPerChild", new java.math.BigDecimal("7000"));
    }
}
