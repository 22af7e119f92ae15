# The gatekeeper image: the service's shaded jar (gatekeeper-streams: run, topics, reset) on a
# Java 17 runtime. Build the jar first (mvn -DskipTests package), then docker-compose builds the
# image with this file.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY streams/target/gatekeeper-service.jar /app/gatekeeper-service.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app/gatekeeper-service.jar"]
CMD ["run"]
