package dk.indgang.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an uploaded file is, by its first bytes (magic numbers), not by its name or the type the
 * browser claims: a page saved as {@code lejekontrakt.pdf} is not a PDF, and a file is never stored
 * or served as {@code text/html} because a client said so. The kinds forms accept: PDF and images.
 */
public final class FileTypes {

    private FileTypes() {}

    /** Media type → the file name extensions a form's {@code accept} may list for it. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "application/pdf", List.of("pdf"),
            "image/jpeg", List.of("jpg", "jpeg"),
            "image/png", List.of("png"),
            "image/gif", List.of("gif"),
            "image/tiff", List.of("tif", "tiff"));

    /** The media type the content is, or empty when it is none of the kinds Indgang takes. */
    public static Optional<String> detect(byte[] data) {
        if (starts(data, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf"); // %PDF-
        }
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(data, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(data, 0x47, 0x49, 0x46, 0x38)) {
            return Optional.of("image/gif"); // GIF8
        }
        if (starts(data, 0x49, 0x49, 0x2A, 0x00) || starts(data, 0x4D, 0x4D, 0x00, 0x2A)) {
            return Optional.of("image/tiff");
        }
        return Optional.empty();
    }

    /**
     * Whether content of {@code mediaType} is one a field accepting {@code accept} (extensions) takes;
     * {@code accept} empty means any of the kinds above.
     */
    public static boolean accepted(String mediaType, List<String> accept) {
        var extensions = EXTENSIONS.getOrDefault(mediaType, List.of());
        return !extensions.isEmpty()
                && (accept.isEmpty()
                        || accept.stream().map(a -> a.toLowerCase(Locale.ROOT)).anyMatch(extensions::contains));
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data == null || data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
