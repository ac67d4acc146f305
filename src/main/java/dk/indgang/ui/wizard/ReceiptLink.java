package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dk.indgang.submission.Application;
import java.io.ByteArrayInputStream;

/** A link to an application's PDF receipt; the caller's supplier serves it only to its applicant. */
public final class ReceiptLink {

    private ReceiptLink() {}

    /** Downloads the receipt. */
    public static Anchor of(Application application, SerializableSupplier<byte[]> pdf, String text) {
        var link = new Anchor(handler(application, pdf), text + " (PDF)");
        link.setId("receipt-" + application.receiptNumber());
        link.getElement().setAttribute("download", fileName(application));
        return link;
    }

    /** The receipt opened in a new tab, to print at the counter (the browser's PDF viewer prints A4). */
    public static Anchor forPrinting(Application application, SerializableSupplier<byte[]> pdf, String text) {
        var link = new Anchor(handler(application, pdf).inline(), text);
        link.setId("print-" + application.receiptNumber());
        link.setTarget("_blank");
        return link;
    }

    private static com.vaadin.flow.server.streams.InputStreamDownloadHandler handler(
            Application application, SerializableSupplier<byte[]> pdf) {
        return DownloadHandler.fromInputStream(event -> {
            var bytes = pdf.get();
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes), fileName(application), "application/pdf", bytes.length);
        });
    }

    private static String fileName(Application application) {
        return "kvittering-" + application.receiptNumber() + ".pdf";
    }
}
