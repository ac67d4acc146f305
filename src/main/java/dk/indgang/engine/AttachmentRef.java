package dk.indgang.engine;

/** An uploaded file as the form knows it: the bytes are stored elsewhere, keyed by the hash. */
public record AttachmentRef(String name, String mediaType, long size, String sha256) {}
