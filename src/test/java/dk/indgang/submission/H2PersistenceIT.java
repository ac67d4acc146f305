package dk.indgang.submission;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The storage contract on the embedded H2 of the default run. */
@SpringBootTest
@ActiveProfiles("test")
class H2PersistenceIT extends PersistenceContract {}
