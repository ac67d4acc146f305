package dk.indgang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statistics table of a Gatling report ({@code index.html}), the same figures its console
 * summary prints: per request name and over all requests ("All Requests"). Gatling 3.14 writes no
 * JSON of them; the columns are found by their headings, so a reordered table still reads right and
 * a renamed heading fails loudly.
 */
final class GatlingStatistics {

    /** One row: counts, events per second and times in ms. */
    record Row(long total, long ko, double perSecond, long p50, long p95, long p99, long max) {}

    private static final Pattern HEADING =
            Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)(?:</abbr>)?</span></th>");
    private static final Pattern ROW =
            Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    private GatlingStatistics() {}

    /** Rows by request name; "All Requests" for the whole run. */
    static Map<String, Row> read(Path report) throws IOException {
        var html = Files.readString(report.resolve("index.html"));
        var columns = new HashMap<String, String>();
        var headings = HEADING.matcher(html);
        while (headings.find()) {
            columns.put(headings.group(2).trim(), headings.group(1));
        }
        var rows = new LinkedHashMap<String, Row>();
        var matcher = ROW.matcher(html);
        while (matcher.find()) {
            var cells = new HashMap<String, String>();
            var cell = CELL.matcher(matcher.group(2));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2).trim());
            }
            if (cells.isEmpty()) {
                continue;
            }
            rows.putIfAbsent(
                    matcher.group(1).trim(),
                    new Row(
                            number(cells, columns, "Total"),
                            number(cells, columns, "KO"),
                            decimal(cells, columns, "Cnt/s"),
                            number(cells, columns, "50th pct"),
                            number(cells, columns, "95th pct"),
                            number(cells, columns, "99th pct"),
                            number(cells, columns, "Max")));
        }
        if (!rows.containsKey("All Requests")) {
            throw new IllegalStateException("No statistics table in " + report.resolve("index.html"));
        }
        return rows;
    }

    private static String cell(Map<String, String> cells, Map<String, String> columns, String heading) {
        var column = columns.get(heading);
        if (column == null) {
            throw new IllegalStateException("Gatling's statistics table has no column '" + heading + "': " + columns);
        }
        return cells.getOrDefault(column, "-").replace(",", "");
    }

    private static long number(Map<String, String> cells, Map<String, String> columns, String heading) {
        var text = cell(cells, columns, heading);
        return text.equals("-") ? 0 : Math.round(Double.parseDouble(text));
    }

    private static double decimal(Map<String, String> cells, Map<String, String> columns, String heading) {
        var text = cell(cells, columns, heading);
        return text.equals("-") ? 0 : Double.parseDouble(text);
    }
}
