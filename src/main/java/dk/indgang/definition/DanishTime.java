package dk.indgang.definition;

import java.time.ZoneId;

/** The one time zone of the service: dates and times are Danish, for citizens and records alike. */
public final class DanishTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private DanishTime() {}
}
