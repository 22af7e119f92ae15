# The gatekeeper image: the shaded jar on a Java 17 runtime. Build the jar first
# (mvn -DskipTests package), or let docker-compose build it with this file.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY streams-app/target/gatekeeper.jar /app/gatekeeper.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app/gatekeeper.jar"]
CMD ["run"]
