# Factor Fleet image: the CLI, the worker and the aggregator, one fat jar each.
#   docker build -t factor-fleet .
#   docker run --rm factor-fleet factor --local 123            (the CLI is the default)
#   docker run --rm --entrypoint java factor-fleet -jar /opt/fleet/fleet-worker.jar --help
# docker-compose.yml picks the program per service with an exec-form entrypoint, so the JVM is
# PID 1 and receives SIGTERM itself (the CLI's launcher execs it): the worker drains within
# FLEET_DRAIN_TIMEOUT and exits 0.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

# Dependencies and plugins first, from the poms alone: a build of the modules without sources
# resolves everything the real build needs (the modules depend on each other, so
# dependency:go-offline cannot), and this layer is rebuilt only when a pom changes.
# -Dexec.skip: the build's class-data archive is dumped by the runtime stage's JVM instead, below.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY common/pom.xml common/
COPY aggregator/pom.xml aggregator/
COPY worker/pom.xml worker/
COPY producer/pom.xml producer/
COPY system-tests/pom.xml system-tests/
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip -Dexec.skip package \
    && rm -rf engine/target common/target aggregator/target worker/target producer/target \
       system-tests/target

COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip -Dexec.skip package

FROM eclipse-temurin:17-jre
# The aggregator writes finished jobs to /data; a named volume mounted there starts out with
# this directory's owner, so the non-root user can write to it.
RUN groupadd --system --gid 10001 fleet \
    && useradd --system --uid 10001 --gid fleet --home-dir /opt/fleet --no-create-home fleet \
    && mkdir -p /data \
    && chown 10001:10001 /data

COPY --from=build /src/producer/target/fleet.jar /opt/fleet/fleet.jar
COPY --from=build /src/worker/target/fleet-worker.jar /opt/fleet/fleet-worker.jar
COPY --from=build /src/aggregator/target/fleet-aggregator.jar /opt/fleet/fleet-aggregator.jar
COPY bin/fleet /opt/fleet/bin/fleet

# The class-data archive bin/fleet starts the command line from (the build writes the same one
# outside Docker; see producer/pom.xml), dumped by this image's JVM, the only one that can use it.
COPY producer/src/main/cds/fleet.classlist /opt/fleet/fleet.classlist
RUN java -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile=/opt/fleet/fleet.classlist \
        -XX:SharedArchiveFile=/opt/fleet/fleet.jsa -cp /opt/fleet/fleet.jar > /dev/null

# The JVM options of the worker and the aggregator, an argument file their entrypoints name
# (java @/opt/fleet/service.jvm -jar ...): heap sized from the container's memory limit, and a JVM
# out of memory exits so that it is restarted instead of limping on. A file rather than
# JAVA_TOOL_OPTIONS, which every JVM started in the image, the command line's included, would
# announce on standard error.
RUN printf '%s\n' -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError > /opt/fleet/service.jvm

# Numeric, so that orchestrators can tell it is not root without reading /etc/passwd.
USER 10001:10001
WORKDIR /opt/fleet
# The command line is the default program, started by the same launcher as outside Docker,
# bin/fleet, which picks its JVM options (the serial collector; C1 alone unless --local) and
# execs java.
ENV FLEET_JAR=/opt/fleet/fleet.jar
ENTRYPOINT ["/opt/fleet/bin/fleet"]
CMD ["--help"]
