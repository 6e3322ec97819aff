# One image recipe for the four services; docker-compose.yml picks the module with build args.
#   docker build --build-arg MODULE=ingest-service --build-arg JAR=ingest-service -t article-pipeline/ingest .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN mvn -B -q -DskipTests -pl "${MODULE}" -am package

FROM eclipse-temurin:17-jre
ARG MODULE
ARG JAR
COPY --from=build /src/${MODULE}/target/${JAR}.jar /app/app.jar
# In a container the service must listen beyond loopback; ports are published by compose.
ENV PIPELINE_BIND_ADDRESS=0.0.0.0
# A directory the service may write (the ops console keeps its samples there, on a volume);
# a named volume mounted on it starts with this owner.
RUN mkdir -p /var/lib/ops-console && chown 1000 /var/lib/ops-console
USER 1000
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
