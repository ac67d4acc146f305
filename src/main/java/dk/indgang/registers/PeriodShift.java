package dk.indgang.registers;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Keeps dated stub answers as fresh as the day they are asked: a body written for one period is
 * moved, every date in it by the same number of whole months, to the period the request asks for.
 *
 * <p>A mapping opts in with {@code "transformers": ["period-shift"]} and says for which month its
 * body was written and which query parameter names the month asked for:
 * {@code "transformerParameters": {"writtenFor": "2026-10", "queryParameter": "til"}}. Asked for
 * {@code til=2027-03}, every {@code YYYY-MM}, {@code YYYY-MM-DD} and ISO date-time in the body moves
 * five months on; a date on the last day of its month stays on the last day (pay periods end there).
 * So the demo's twelve months of income are the last twelve months on any date, and tests on a fixed
 * clock still get the figures written in the file. A request without the parameter gets the body as
 * written.
 */
final class PeriodShift implements ResponseTransformerV2 {

    static final String NAME = "period-shift";

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T.*)?");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        var parameters = serveEvent.getTransformerParameters();
        var writtenFor = month(parameters.getString("writtenFor", ""));
        var asked = serveEvent.getRequest().queryParameter(parameters.getString("queryParameter", "til"));
        if (writtenFor.isEmpty() || !asked.isPresent()) {
            return response;
        }
        var askedFor = month(asked.firstValue());
        if (askedFor.isEmpty()) {
            return response;
        }
        var months = ChronoUnit.MONTHS.between(writtenFor.get(), askedFor.get());
        if (months == 0) {
            return response;
        }
        JsonNode body;
        try {
            body = json.readTree(response.getBodyAsString());
        } catch (RuntimeException e) {
            // A deliberately malformed body (a fault stub) is served as written.
            return response;
        }
        return Response.Builder.like(response)
                .but()
                .body(json.writeValueAsString(shift(body, months)))
                .build();
    }

    /** Moves every date in the tree, in place (the tree is the one just read from the body). */
    static JsonNode shift(JsonNode node, long months) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shiftValue(array.get(i), months));
            }
        } else if (node instanceof ObjectNode object) {
            for (var name : java.util.List.copyOf(object.propertyNames())) {
                object.set(name, shiftValue(object.get(name), months));
            }
        }
        return node;
    }

    private static JsonNode shiftValue(JsonNode node, long months) {
        return node.isString() ? StringNode.valueOf(shift(node.asString(), months)) : shift(node, months);
    }

    static String shift(String text, long months) {
        if (MONTH.matcher(text).matches()) {
            return month(text).map(m -> m.plusMonths(months).toString()).orElse(text);
        }
        var date = DATE.matcher(text);
        if (date.matches()) {
            try {
                var day = LocalDate.parse(date.group(1));
                var lastDay = day.getDayOfMonth() == day.lengthOfMonth();
                var moved = day.plusMonths(months);
                if (lastDay) {
                    moved = moved.withDayOfMonth(moved.lengthOfMonth());
                }
                return moved + (date.group(2) == null ? "" : date.group(2));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private static Optional<YearMonth> month(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
