package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The class list the command line's class-data archive is dumped from. A class it names that no
 * longer exists is skipped by the dump, so a stale list costs start-up time without failing
 * anything: this test says when to run {@code producer/src/main/cds/record-classlist.sh} again.
 */
class ClassListTest {
  @Test
  void shouldNameOnlyClassesThatExist() {
    List<String> missing = new ArrayList<>();
    for (String name : classNames()) {
      try {
        Class.forName(name.replace('/', '.'), false, getClass().getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name);
      }
    }

    assertThat(missing)
        .as("classes of %s that do not exist: run record-classlist.sh", DeployFiles.CLASS_LIST)
        .isEmpty();
  }

  @Test
  void shouldNameTheClassesOfTheCommandLineAndOfItsWorkThroughTheFleet() {
    assertThat(classNames())
        .contains(
            "io/factorfleet/cli/FleetMain",
            "io/factorfleet/producer/JobPublisher",
            "io/factorfleet/aggregator/ReplyConsumer",
            "io/factorfleet/cli/local/LocalFactoring",
            "com/rabbitmq/client/ConnectionFactory",
            "com/fasterxml/jackson/core/json/UTF8StreamJsonParser");
  }

  /** The class names of the list: neither comments nor the lines about lambda forms and proxies. */
  private static List<String> classNames() {
    return DeployFiles.read(DeployFiles.CLASS_LIST)
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("@"))
        .toList();
  }
}
