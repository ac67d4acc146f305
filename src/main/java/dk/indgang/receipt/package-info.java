/**
 * The PDF receipt: an archivable PDF/A-2b document (embedded fonts that carry æ, ø, å; sRGB output
 * intent; XMP metadata) made from a {@link dk.indgang.receipt.ReceiptContent}. Knows nothing of the
 * engine: the submission module says what is on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dk.indgang.receipt;
