# syntax=docker/dockerfile:1
# Build: the production jar (Vaadin's pre-built bundle, no Node), with Maven on JDK 25.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -Pproduction dependency:go-offline
COPY src src
COPY forms forms
RUN mvn -B -q -Pproduction package -DskipTests

# Run: the same jar on a JRE, as a non-root user. Forms are read from /app/forms.
FROM eclipse-temurin:25-jre
RUN groupadd --system indgang && useradd --system --gid indgang --home /app indgang
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --sun-misc-unsafe-memory-access=allow"
COPY --chown=indgang:indgang forms /app/forms
# Fast start (docs/performance.md, "Start"): the jar extracted (the JVM's AOT cache needs plain jars
# on the class path, not jars nested in the Spring Boot jar), then one training start on this very
# JRE that starts fully, waits for what loads after the start (the forms, the simulated registers,
# the receipt's fonts, the holiday calendar) and exits (indgang.start-training), leaving an AOT
# cache of the classes it loaded and linked.
# The training run uses the default profile (H2 in memory, the embedded registers from stubs/, which
# are removed again); classes only production uses are loaded as usual.
COPY --from=build /src/target/indgang.jar /tmp/indgang.jar
COPY stubs /tmp/stubs
RUN java -Djarmode=tools -jar /tmp/indgang.jar extract --destination /app/jar \
    && java -XX:AOTCacheOutput=/app/indgang.aot -jar /app/jar/indgang.jar --indgang.start-training=true \
         --server.port=0 --indgang.registers.stubs.dir=/tmp/stubs --indgang.forms.dir=/app/forms \
         --spring.datasource.url=jdbc:h2:mem:training \
    && rm -rf /tmp/indgang.jar /tmp/stubs
RUN mkdir -p /app/data && chown indgang:indgang /app/data
USER indgang
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod,postgres
HEALTHCHECK --interval=30s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
# A cache that does not fit (another JVM build) is ignored with a warning, never an error.
ENTRYPOINT ["java", "-XX:AOTCache=/app/indgang.aot", "-jar", "/app/jar/indgang.jar"]
