package dk.indgang.registers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupMemory;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Lookup answers per draft for as long as the shortest register cache time, at most 20,000 drafts. */
@Component
class RememberedLookups implements LookupMemory {

    private final Cache<String, FormSession> sessions;

    RememberedLookups(RegisterProperties properties) {
        var ttl = Stream.of(properties.cpr(), properties.eindkomst(), properties.bbr(), properties.dar())
                .map(RegisterProperties.Endpoint::cacheTtl)
                .filter(d -> d != null && !d.isZero())
                .min(Duration::compareTo)
                .orElse(Duration.ofMinutes(5));
        this.sessions =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(20_000).build();
    }

    @Override
    public Optional<FormSession> recall(String draft) {
        return Optional.ofNullable(sessions.getIfPresent(draft));
    }

    @Override
    public void remember(String draft, FormSession session) {
        sessions.put(draft, session);
    }
}
