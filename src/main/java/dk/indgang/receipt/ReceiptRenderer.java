package dk.indgang.receipt;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.stereotype.Component;

/**
 * Lays a receipt out on A4 pages and writes it as PDF/A-2b. Long answers wrap; sections continue
 * on new pages; every page carries the receipt number and page number.
 */
@Component
public class ReceiptRenderer {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 190;

    /**
     * The fonts' bytes, the colour profile and the XMP packet: read when the first receipt is made
     * or just after the start ({@link #prepare}), not while the application starts (the
     * colour profile alone loads Java 2D).
     */
    private static final class Resources {
        static final byte[] REGULAR = load("/fonts/DejaVuSans.ttf");
        static final byte[] BOLD = load("/fonts/DejaVuSans-Bold.ttf");
        static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        /** The XMP packet, written once by xmpbox; each receipt fills in its title, author and date. */
        static final XmpTemplate XMP = XmpTemplate.make();
    }

    /** Stamps the document's creation date: the service's clock, which the tests fix. */
    private final java.time.Clock clock;

    public ReceiptRenderer(java.time.Clock clock) {
        this.clock = clock;
    }

    /**
     * The two faces, parsed once and reused (a parsed font reads its glyphs, so one renderer at a
     * time), each with its Unicode map, which says which characters it can draw.
     */
    private record Fonts(TrueTypeFont regular, CmapLookup regularMap, TrueTypeFont bold, CmapLookup boldMap) {}

    /** Parsed fonts not in use: at most {@link #KEPT}, so memory stays bounded under any load. */
    private final ConcurrentLinkedQueue<Fonts> idle = new ConcurrentLinkedQueue<>();

    private static final int KEPT = 2 * Runtime.getRuntime().availableProcessors();

    /**
     * Reads the resources and parses one set of fonts, returning when done: just after the start
     * ({@code AfterStart}), so the first receipt need not.
     */
    public void prepare() {
        giveBack(borrow());
    }

    public byte[] render(ReceiptContent content) {
        var fonts = borrow();
        try (var document = new PDDocument()) {
            var regular = new Face(PDType0Font.load(document, fonts.regular(), true), fonts.regularMap());
            var bold = new Face(PDType0Font.load(document, fonts.bold(), true), fonts.boldMap());
            new Layout(document, regular, bold, content).write();
            archival(document, content, java.util.GregorianCalendar.from(java.time.ZonedDateTime.now(clock)));
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the receipt", e);
        } finally {
            giveBack(fonts);
        }
    }

    private Fonts borrow() {
        var fonts = idle.poll();
        if (fonts != null) {
            return fonts;
        }
        try {
            var regular = new TTFParser().parse(new RandomAccessReadBuffer(Resources.REGULAR));
            var bold = new TTFParser().parse(new RandomAccessReadBuffer(Resources.BOLD));
            return new Fonts(regular, regular.getUnicodeCmapLookup(), bold, bold.getUnicodeCmapLookup());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the receipt's fonts", e);
        }
    }

    private void giveBack(Fonts fonts) {
        if (idle.size() < KEPT) {
            idle.offer(fonts);
        } else {
            try {
                fonts.regular().close();
                fonts.bold().close();
            } catch (IOException e) {
                // nothing is lost: the fonts were only read
            }
        }
    }

    private static void archival(PDDocument document, ReceiptContent content, Calendar now) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        var info = new PDDocumentInformation();
        info.setTitle(XmpTemplate.plain(content.heading() + " – " + content.title()));
        info.setAuthor(XmpTemplate.plain(content.municipality()));
        info.setCreator(XmpTemplate.CREATOR);
        info.setProducer(XmpTemplate.PRODUCER);
        info.setCreationDate(now);
        info.setModificationDate(now);
        document.setDocumentInformation(info);
        catalog.setLanguage(content.language());
        var preferences = new PDViewerPreferences(document.getDocumentCatalog().getCOSObject());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);

        var metadata = new PDMetadata(document);
        metadata.importXMPMetadata(Resources.XMP.fill(info.getTitle(), content.municipality(), now));
        catalog.setMetadata(metadata);

        var intent = new PDOutputIntent(document, new ByteArrayInputStream(Resources.SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] load(String resource) {
        try (InputStream in = ReceiptRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writing position across pages. */
    private static final class Layout {
        private final PDDocument document;
        private final Face regular;
        private final Face bold;
        private final ReceiptContent content;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Layout(PDDocument document, Face regular, Face bold, ReceiptContent content) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            this.content = content;
        }

        void write() throws IOException {
            newPage();
            text(content.municipality(), bold, 11, MARGIN, 0.1f, 0.25f, 0.42f);
            y -= 26;
            text(content.heading(), bold, 18, MARGIN, 0, 0, 0);
            y -= 20;
            paragraph(content.title(), bold, 12);
            y -= 6;
            for (var fact : content.facts()) {
                line(fact, 10);
            }
            for (var section : content.sections()) {
                section(section);
            }
            if (content.assessment() != null) {
                section(content.assessment());
            }
            heading(content.nextStepsHeading());
            for (var step : content.nextSteps()) {
                paragraph(step, regular, 10);
                y -= 4;
            }
            y -= 10;
            paragraph(content.footer(), regular, 8);
            stream.close();
            pageNumbers();
        }

        private void section(ReceiptContent.Section section) throws IOException {
            heading(section.title());
            for (var line : section.lines()) {
                line(line, 10);
            }
        }

        private void heading(String title) throws IOException {
            ensure(50);
            y -= 14;
            text(title, bold, 13, MARGIN, 0.04f, 0.24f, 0.42f);
            y -= 6;
            stream.setStrokingColor(0.77f, 0.79f, 0.82f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + WIDTH, y);
            stream.stroke();
            y -= 14;
        }

        private void line(ReceiptContent.Line line, float size) throws IOException {
            var labelLines = wrap(line.label(), bold, size, LABEL_WIDTH - 10);
            var value = line.value() == null || line.value().isBlank() ? "–" : line.value();
            var valueLines = wrap(value, regular, size, WIDTH - LABEL_WIDTH);
            int firstMark = valueLines.size();
            if (line.mark() != null) {
                valueLines = new ArrayList<>(valueLines);
                valueLines.addAll(wrap(line.mark(), regular, size - 1.5f, WIDTH - LABEL_WIDTH));
            }
            var rows = Math.max(labelLines.size(), valueLines.size());
            ensure(rows * (size + 4) + 4);
            for (int i = 0; i < rows; i++) {
                if (i < labelLines.size()) {
                    text(labelLines.get(i), bold, size, MARGIN, 0.18f, 0.19f, 0.21f);
                }
                if (i < valueLines.size()) {
                    if (i >= firstMark) {
                        text(valueLines.get(i), regular, size - 1.5f, MARGIN + LABEL_WIDTH, 0.04f, 0.32f, 0.58f);
                    } else {
                        text(valueLines.get(i), regular, size, MARGIN + LABEL_WIDTH, 0, 0, 0);
                    }
                }
                y -= size + 4;
            }
            y -= 3;
        }

        private void paragraph(String text, Face font, float size) throws IOException {
            for (var row : wrap(text, font, size, WIDTH)) {
                ensure(size + 4);
                text(row, font, size, MARGIN, 0, 0, 0);
                y -= size + 4;
            }
        }

        private void text(String text, Face font, float size, float x, float r, float g, float b) throws IOException {
            stream.beginText();
            stream.setNonStrokingColor(r, g, b);
            stream.setFont(font.pdf(), size);
            stream.newLineAtOffset(x, y);
            stream.showText(font.printable(text));
            stream.endText();
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                stream.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            pages++;
        }

        private void pageNumbers() throws IOException {
            int number = 0;
            for (var page : document.getPages()) {
                number++;
                try (var s = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    s.beginText();
                    s.setNonStrokingColor(0.29f, 0.31f, 0.34f);
                    s.setFont(regular.pdf(), 8);
                    s.newLineAtOffset(MARGIN, MARGIN - 24);
                    var receipt = content.facts().isEmpty()
                            ? ""
                            : content.facts().getFirst().value() + "   ";
                    s.showText(regular.printable(receipt + number + " / " + pages));
                    s.endText();
                }
            }
        }

        /**
         * Rows no wider than {@code width}; a word wider than a row gets a row of its own. A row's
         * width is the sum of its glyphs' widths (no kerning), so each word is measured once.
         */
        private static List<String> wrap(String text, Face font, float size, float width) throws IOException {
            var rows = new ArrayList<String>();
            float space = font.width(" ", size);
            for (var paragraph : (text == null ? "" : text).split("\n")) {
                var row = new StringBuilder();
                float used = 0;
                for (var word : paragraph.split(" ")) {
                    float wide = font.width(word, size);
                    if (row.isEmpty()) {
                        row.append(word);
                        used = wide;
                    } else if (used + space + wide <= width) {
                        row.append(' ').append(word);
                        used += space + wide;
                    } else {
                        rows.add(row.toString());
                        row.setLength(0);
                        row.append(word);
                        used = wide;
                    }
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** A face embedded in one document, with the map that says which characters it can draw. */
    private record Face(PDFont pdf, CmapLookup map) {

        /** Characters the font cannot draw become '?', so odd input never breaks a receipt. */
        String printable(String text) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (!drawable(cp)) {
                    return replaced(text);
                }
                i += Character.charCount(cp);
            }
            return text;
        }

        private String replaced(String text) {
            var out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (drawable(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean drawable(int cp) {
            return map.getGlyphId(cp) != 0;
        }

        float width(String text, float size) throws IOException {
            return pdf.getStringWidth(printable(text)) / 1000 * size;
        }
    }
}
