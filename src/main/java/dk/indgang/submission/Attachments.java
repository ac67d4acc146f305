package dk.indgang.submission;

import dk.indgang.engine.AttachmentRef;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Stores the files attached to a draft; the same file twice is stored once. */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A file refused at upload: its content is not a kind the field takes (whatever its name says). */
    public static final class UploadRefused extends RuntimeException {
        private final String fileName;
        private final java.util.List<String> accept;

        UploadRefused(String fileName, java.util.List<String> accept) {
            super("The content of " + fileName + " is not one of: " + String.join(", ", accept), null, false, false);
            this.fileName = fileName;
            this.accept = java.util.List.copyOf(accept);
        }

        public String fileName() {
            return fileName;
        }

        public java.util.List<String> accept() {
            return accept;
        }
    }

    /** Stores a file the field takes by content: PDF or an image ({@link dk.indgang.engine.FileTypes}). */
    public AttachmentRef store(Draft draft, String name, String declaredType, byte[] content) {
        return store(draft, name, declaredType, content, java.util.List.of());
    }

    /**
     * Stores a file whose content (not its name, not the browser's claim) is a kind {@code accept}
     * lists, with the detected media type; anything else is refused before it is stored.
     */
    public AttachmentRef store(
            Draft draft, String name, String declaredType, byte[] content, java.util.List<String> accept) {
        var detected = dk.indgang.engine.FileTypes.detect(content)
                .filter(type -> dk.indgang.engine.FileTypes.accepted(type, accept))
                .orElseThrow(() -> new UploadRefused(
                        name, accept.isEmpty() ? java.util.List.of("pdf", "jpg", "png", "gif", "tif") : accept));
        var mediaType = detected;
        var sha = sha256(content);
        jdbc.sql("""
                        insert into attachment (draft_id, sha256, name, media_type, size_bytes, content, created_at)
                        select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from attachment where draft_id = ? and sha256 = ?)""")
                .params(
                        draft.id(),
                        sha,
                        name,
                        mediaType,
                        content.length,
                        content,
                        OffsetDateTime.now(clock),
                        draft.id(),
                        sha)
                .update();
        return new AttachmentRef(name, mediaType, content.length, sha);
    }

    /** Forgets a file of the draft (the citizen removed it); nothing else of the draft changes. */
    public void remove(Draft draft, String sha256) {
        jdbc.sql("delete from attachment where draft_id = ? and sha256 = ?")
                .params(draft.id(), sha256)
                .update();
    }

    /** A file stored with the draft, by its hash, as stored (name, type and size as received). */
    public Optional<AttachmentRef> stored(Draft draft, String sha256) {
        return jdbc.sql("select name, media_type, size_bytes from attachment where draft_id = ? and sha256 = ?")
                .params(draft.id(), sha256)
                .query((rs, n) -> new AttachmentRef(
                        rs.getString("name"), rs.getString("media_type"), rs.getLong("size_bytes"), sha256))
                .optional();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
