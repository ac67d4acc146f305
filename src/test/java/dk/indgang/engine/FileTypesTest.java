package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file is what its first bytes say, not what its name or the browser says. */
class FileTypesTest {

    @Test
    void knowsPdfAndImagesByTheirMagicNumbers() {
        assertThat(FileTypes.detect("%PDF-1.7 lejekontrakt".getBytes(StandardCharsets.US_ASCII)))
                .contains("application/pdf");
        assertThat(FileTypes.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}))
                .contains("image/jpeg");
        assertThat(FileTypes.detect(new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains("image/png");
        assertThat(FileTypes.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
    }

    @Test
    void aFieldTakesOnlyTheKindsItsAcceptLists() {
        assertThat(FileTypes.accepted("application/pdf", List.of("pdf", "jpg"))).isTrue();
        assertThat(FileTypes.accepted("image/jpeg", List.of("jpeg"))).isTrue();
        assertThat(FileTypes.accepted("image/png", List.of("pdf"))).isFalse();
        assertThat(FileTypes.accepted("text/html", List.of())).isFalse();
        assertThat(FileTypes.accepted("image/gif", List.of())).isTrue();
    }
}
