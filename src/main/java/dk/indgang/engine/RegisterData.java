package dk.indgang.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the registers say, as the forms use it: plain values, Danish register codes kept. */
public final class RegisterData {

    private RegisterData() {}

    /** A person in CPR (docs/register-data.md, "CPR person"). */
    public record Person(
            String cpr,
            String firstName,
            String middleName,
            String lastName,
            LocalDate birthDate,
            String sex,
            int status,
            String civilStatus,
            RegisteredAddress address,
            boolean addressProtected,
            boolean digitalPost,
            boolean sharedResidence,
            List<String> children,
            String mother,
            String father,
            List<Integer> custodyTypes) {

        public String fullName() {
            return String.join(" ", List.of(firstName, middleName == null ? "" : middleName, lastName))
                    .replaceAll("\\s+", " ")
                    .strip();
        }

        /** Status 1 or 3: alive and resident in Denmark (3: special road code, e.g. no fixed address). */
        public boolean isActiveInDenmark() {
            return status == 1 || status == 3;
        }

        public boolean isDeceased() {
            return status == 90 || status == 70;
        }
    }

    /** A CPR address; {@code addressUuid} is DAR's id, the key into BBR. Null parts when unknown. */
    public record RegisteredAddress(
            String addressUuid,
            Integer municipalityCode,
            Integer roadCode,
            String street,
            String houseNumber,
            String floor,
            String door,
            String postcode,
            String city,
            LocalDate movedIn) {

        public String display() {
            var line = (street == null ? "" : street) + " " + (houseNumber == null ? "" : houseNumber);
            if (floor != null || door != null) {
                line += ", " + (floor == null ? "" : floor + ". ") + (door == null ? "" : door);
            }
            return (line.strip() + ", " + (postcode == null ? "" : postcode) + " " + (city == null ? "" : city))
                    .strip();
        }

        public AddressValue asAnswer() {
            return new AddressValue(street, houseNumber, floor, door, postcode, city);
        }
    }

    /** The persons registered at one address. Protected persons are listed without their names. */
    public record Household(String addressUuid, List<Member> members) {
        public record Member(String cpr, String name, LocalDate birthDate, boolean isProtected) {}
    }

    /**
     * The applicant's children in CPR. A protected child is listed without name.
     *
     * @param children the living children, youngest last as CPR lists them
     */
    public record Children(List<Child> children) {

        /**
         * @param livesWithApplicant registered at the applicant's own address (same DAR id)
         * @param sharedResidence CPR's {@code DeltBopælMarkering}
         * @param applicantHasCustody the child's {@code foraeldremyndighed} names the applicant as mother (3) or
         *     father (4)
         */
        public record Child(
                String cpr,
                String name,
                LocalDate birthDate,
                boolean livesWithApplicant,
                boolean sharedResidence,
                boolean applicantHasCustody,
                boolean isProtected) {}
    }

    /** One eIndkomst report (docs/register-data.md, "eIndkomst"); amounts in DKK, corrections negative. */
    public record IncomeRecord(
            String employer,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate dispositionDate,
            BigDecimal aIncomeWithAm,
            BigDecimal aIncomeWithoutAm,
            BigDecimal taxWithheld,
            BigDecimal amContribution) {

        /** Personal income of the report: 0013 − 0016 + 0014. */
        public BigDecimal personalIncome() {
            return aIncomeWithAm.subtract(amContribution).add(aIncomeWithoutAm);
        }
    }

    /** A person's reported income over a period. */
    public record Income(String cpr, YearMonth from, YearMonth to, List<IncomeRecord> records) {

        public BigDecimal total() {
            return records.stream().map(IncomeRecord::personalIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Personal income per month of the pay period (a correction counts in the month it corrects). */
        public Map<YearMonth, BigDecimal> byMonth() {
            var months = new LinkedHashMap<YearMonth, BigDecimal>();
            for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                months.put(month, BigDecimal.ZERO);
            }
            for (var record : records) {
                months.merge(YearMonth.from(record.periodStart()), record.personalIncome(), BigDecimal::add);
            }
            return months;
        }
    }

    /** A dwelling unit in BBR (docs/register-data.md, "BBR unit"): codes as BBR gives them. */
    public record Dwelling(
            String addressUuid,
            String usage,
            String housingType,
            int totalArea,
            int residentialArea,
            int rooms,
            String kitchen,
            String toilet,
            String bath,
            String rental,
            Integer buildingYear) {

        /** Helårsbeboelse: usage codes 110–190. */
        public boolean isYearRoundHome() {
            try {
                var code = Integer.parseInt(usage);
                return code >= 110 && code <= 190;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        public boolean hasOwnKitchen() {
            return "E".equals(kitchen);
        }
    }
}
