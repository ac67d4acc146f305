package dk.indgang.submission.api;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** A client's mistake is a 400 with a problem detail (RFC 9457) that says where; never a 500. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem("The request body is not valid JSON for this operation: "
                + firstLine(e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        var problem = problem("The request body has invalid values");
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(f -> f.getField() + ": " + f.getDefaultMessage())
                        .toList());
        return problem;
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ProblemDetail invalidParameter(Exception e) {
        return problem("A parameter has an invalid value: " + firstLine(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem("'" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    /** An answer refused at the edge (wrong type, out of range, unknown field): where, and what is wrong. */
    @ExceptionHandler(dk.indgang.engine.AnswerInput.Refused.class)
    ProblemDetail refusedAnswer(dk.indgang.engine.AnswerInput.Refused e) {
        var problem = problem("An answer was refused: " + e.getMessage());
        problem.setProperty("path", e.path());
        return problem;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        var problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        return ResponseEntity.status(e.getStatusCode()).body(problem);
    }

    /** Our own mistake: logged with its trace, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring's own client errors (405, 415, 406, …) keep their status.
            return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
        }
        LoggerFactory.getLogger(ApiErrors.class).error("Case API failed", e);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Try again later.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad request");
        return problem;
    }

    /**
     * The first line of a parser's or validator's message, with the internal Java types it names
     * ({@code `java.util.LinkedHashMap<java.lang.String,java.lang.Object>`}) said in JSON's words.
     */
    static String firstLine(String s) {
        var line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.replaceAll("`?\\b(?:java|javax|jakarta|tools|com|org|dk)\\.[\\w.$]+(?:<[^`]*>)?`?", "a JSON value")
                .replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
