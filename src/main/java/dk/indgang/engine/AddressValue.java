package dk.indgang.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Danish address as the citizen gives it. Blank parts are empty strings, never null. */
public record AddressValue(String street, String number, String floor, String door, String postcode, String city) {

    public AddressValue {
        street = clean(street);
        number = clean(number);
        floor = clean(floor);
        door = clean(door);
        postcode = clean(postcode);
        city = clean(city);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    public boolean isEmpty() {
        return street.isEmpty() && number.isEmpty() && postcode.isEmpty() && city.isEmpty();
    }

    /** E.g. "Testvej 12, 2. th, 8000 Aarhus C". */
    public String display() {
        var line = street + " " + number;
        if (!floor.isEmpty() || !door.isEmpty()) {
            line += ", " + (floor.isEmpty() ? "" : floor + ". ") + door;
        }
        return (line.strip() + ", " + postcode + " " + city).strip();
    }

    /**
     * The address as a key (lookups, caches, the audit): street, number, floor, door and postcode, lower
     * case; the town is left out, the postcode decides it.
     */
    public String key() {
        return String.join("|", street, number, floor, door, postcode).toLowerCase(java.util.Locale.ROOT);
    }

    public Map<String, String> asMap() {
        var map = new LinkedHashMap<String, String>();
        map.put("street", street);
        map.put("number", number);
        map.put("floor", floor);
        map.put("door", door);
        map.put("postcode", postcode);
        map.put("city", city);
        return map;
    }

    public static AddressValue fromMap(Map<String, ?> map) {
        return new AddressValue(
                str(map, "street"),
                str(map, "number"),
                str(map, "floor"),
                str(map, "door"),
                str(map, "postcode"),
                str(map, "city"));
    }

    private static String str(Map<String, ?> map, String key) {
        var v = map.get(key);
        return v == null ? "" : v.toString();
    }
}
