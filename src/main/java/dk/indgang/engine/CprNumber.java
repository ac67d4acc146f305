package dk.indgang.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A syntactically valid Danish CPR number (docs/register-data.md, "CPR numbers"): ten digits, a real birth date with
 * the century given by the seventh digit, not in the future. Modulus 11 is informational only:
 * numbers without it have been issued since 2007 and must be served. Whether the person exists is
 * for the CPR register to say.
 */
public record CprNumber(String digits, LocalDate birthDate, boolean passesModulus11) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{6})-?(\\d{4})");
    private static final int[] WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

    /** Why a text is not a CPR number. */
    public enum Problem {
        FORMAT,
        DATE,
        FUTURE
    }

    /** The number, or why not. */
    public record Parsed(Optional<CprNumber> number, Optional<Problem> problem) {}

    /**
     * The ten digits of a CPR number typed as {@code DDMMYY-SSSS} or as ten digits;
     * anything else as typed (without surrounding spaces), for its field's check to refuse.
     */
    public static String canonical(String text) {
        var m = FORMAT.matcher(text == null ? "" : text.strip());
        return m.matches() ? m.group(1) + m.group(2) : (text == null ? "" : text.strip());
    }

    public static Parsed parse(String text, LocalDate today) {
        var m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return new Parsed(Optional.empty(), Optional.of(Problem.FORMAT));
        }
        var digits = m.group(1) + m.group(2);
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        int year = century(seventh, yy) + yy;
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return new Parsed(Optional.empty(), Optional.of(Problem.DATE));
        }
        if (birth.isAfter(today)) {
            return new Parsed(Optional.empty(), Optional.of(Problem.FUTURE));
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return new Parsed(Optional.of(new CprNumber(digits, birth, sum % 11 == 0)), Optional.empty());
    }

    /** The century table (docs/register-data.md, "CPR numbers"). */
    static int century(int seventh, int yy) {
        if (seventh <= 3) {
            return 1900;
        }
        if (seventh == 4 || seventh == 9) {
            return yy <= 36 ? 2000 : 1900;
        }
        if (yy <= 57) {
            return 2000;
        }
        return 1800;
    }

    /** Odd last digit: male; even: female. */
    public boolean isMale() {
        return (digits.charAt(9) - '0') % 2 == 1;
    }

    public String formatted() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** For logs: the birth date part only. */
    public String masked() {
        return mask(digits);
    }

    public static String mask(String cpr) {
        if (cpr == null) {
            return null;
        }
        var d = cpr.replace("-", "");
        return d.length() >= 6 ? d.substring(0, 6) + "-XXXX" : "XXXXXX-XXXX";
    }

    @Override
    public String toString() {
        return masked();
    }
}
