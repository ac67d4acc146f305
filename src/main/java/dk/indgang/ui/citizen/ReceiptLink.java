package dk.indgang.ui.citizen;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dk.indgang.submission.Application;
import dk.indgang.submission.Submissions;
import java.io.ByteArrayInputStream;

/** A download link for an application's PDF receipt; served only to its applicant. */
public final class ReceiptLink {

    private ReceiptLink() {}

    public static Anchor of(Submissions submissions, Application application, String applicantCpr, String text) {
        var fileName = "kvittering-" + application.receiptNumber() + ".pdf";
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var pdf =
                            submissions.receipt(application.id(), applicantCpr).orElseThrow();
                    return new DownloadResponse(new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
                }),
                text + " (PDF)");
        link.setId("receipt-" + application.receiptNumber());
        link.getElement().setAttribute("download", fileName);
        return link;
    }

    /** The receipt opened in a new tab, to print at the counter (the browser's PDF viewer prints A4). */
    public static Anchor forPrinting(
            Submissions submissions, Application application, String applicantCpr, String text) {
        var fileName = "kvittering-" + application.receiptNumber() + ".pdf";
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                            var pdf = submissions
                                    .receipt(application.id(), applicantCpr)
                                    .orElseThrow();
                            return new DownloadResponse(
                                    new ByteArrayInputStream(pdf), fileName, "application/pdf", pdf.length);
                        })
                        .inline(),
                text);
        link.setId("print-" + application.receiptNumber());
        link.setTarget("_blank");
        return link;
    }
}
