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
COPY --from=build /src/target/indgang.jar /app/indgang.jar
COPY --chown=indgang:indgang forms /app/forms
RUN mkdir -p /app/data && chown indgang:indgang /app/data
USER indgang
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=prod,postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 --sun-misc-unsafe-memory-access=allow"
HEALTHCHECK --interval=30s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-jar", "/app/indgang.jar"]
