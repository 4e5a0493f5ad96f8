package io.factorfleet.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment files of the repository, read the way Docker and Maven read them. */
final class DeployFiles {
  static final String COMPOSE_FILE = "docker-compose.yml";
  static final List<String> SERVICE_MODULES = List.of("producer", "worker", "aggregator");

  private static final Pattern COMPOSE_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us)");

  private DeployFiles() {}

  /** The directory holding docker-compose.yml: the working directory or one of its parents. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        COMPOSE_FILE + " not found in " + Path.of("").toAbsolutePath() + " or its parents");
  }

  static String read(String relativePath) {
    try {
      return Files.readString(repositoryRoot().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The classes dumped into the command line's class-data archive, by the build and the image. */
  static final String CLASS_LIST = "producer/src/main/cds/fleet.classlist";

  /** The launcher of the command line, outside Docker and in the image. */
  static final String LAUNCHER = "bin/fleet";

  /**
   * A PATH whose first {@code java} is the one running the tests, so that {@link #LAUNCHER}, which
   * runs the java on the PATH as a user's shell would, starts this JDK.
   */
  static String pathWithThisJdkFirst() {
    return Path.of(System.getProperty("java.home"), "bin")
        + ":"
        + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  /** Where the image holds {@link #LAUNCHER}: the target of the runtime stage's COPY of it. */
  static String launcherInImage() {
    return copiedIntoImage(LAUNCHER);
  }

  /** Where the image holds the repository's file {@code path}: the target of its COPY. */
  static String copiedIntoImage(String path) {
    return runtimeStage().stream()
        .filter(instruction -> instruction.is("COPY"))
        .map(Instruction::words)
        .filter(words -> words.size() == 2 && words.get(0).equals(path))
        .map(words -> words.get(1))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the image holds no " + path));
  }

  /** The value the runtime stage's ENV instructions give {@code name}, or null. */
  static String imageEnvironment(String name) {
    String value = null;
    for (Instruction instruction : runtimeStage()) {
      if (instruction.is("ENV") && instruction.arguments().startsWith(name + "=")) {
        value = instruction.arguments().substring(name.length() + 1).replace("\"", "");
      }
    }
    return value;
  }

  /**
   * The arguments of a JVM argument file the image writes at {@code pathInImage}, with {@code RUN
   * printf '%s\\n' ARGUMENT... > pathInImage}.
   */
  static List<String> argumentFileInImage(String pathInImage) {
    return runtimeStage().stream()
        .filter(instruction -> instruction.is("RUN"))
        .map(Instruction::words)
        .filter(words -> words.size() > 4 && words.get(words.size() - 1).equals(pathInImage))
        .filter(words -> words.get(0).equals("printf") && words.get(words.size() - 2).equals(">"))
        .map(words -> words.subList(2, words.size() - 2))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the image writes no " + pathInImage));
  }

  /**
   * docker-compose.yml as a tree, with anchors, aliases and {@code <<} merge keys resolved as
   * Compose resolves them. Jackson's YAML parser leaves aliases unresolved, so the YAML is loaded
   * by the SnakeYAML it is built on and then handed to Jackson.
   */
  static JsonNode compose() {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(COMPOSE_FILE));
    return new ObjectMapper().valueToTree(document);
  }

  /** A Compose duration such as {@code 30s} or {@code 1m30s}. */
  static java.time.Duration composeDuration(String text) {
    Matcher part = COMPOSE_DURATION_PART.matcher(text);
    double nanos = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      double amount = Double.parseDouble(part.group(1));
      nanos +=
          amount
              * switch (part.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                default -> 1e3;
              };
      end = part.end();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("not a Compose duration: " + text);
    }
    return java.time.Duration.ofNanos((long) nanos);
  }

  /** The Dockerfile's instructions, line continuations joined and comments dropped. */
  static List<Instruction> dockerfile() {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : read("Dockerfile").split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String[] keywordAndArguments = pending.toString().split("\\s+", 2);
      instructions.add(
          new Instruction(
              keywordAndArguments[0].toUpperCase(java.util.Locale.ROOT),
              keywordAndArguments.length > 1 ? keywordAndArguments[1] : ""));
      pending.setLength(0);
    }
    return instructions;
  }

  /** The instructions of the Dockerfile's last stage: the image that runs. */
  static List<Instruction> runtimeStage() {
    List<Instruction> all = dockerfile();
    int from = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).is("FROM")) {
        from = i;
      }
    }
    return all.subList(from, all.size());
  }

  /**
   * The files the runtime stage copies from the build stage: image path to repository path, the
   * build stage's WORKDIR being the repository root.
   */
  static Map<String, String> jarsInImage() {
    Map<String, String> workdirs = new LinkedHashMap<>();
    String stage = null;
    for (Instruction instruction : dockerfile()) {
      if (instruction.is("FROM")) {
        List<String> words = instruction.words();
        stage = words.size() == 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
      } else if (instruction.is("WORKDIR") && stage != null) {
        workdirs.put(stage, instruction.arguments());
      }
    }
    Map<String, String> jars = new LinkedHashMap<>();
    for (Instruction copy : runtimeStage()) {
      List<String> words = copy.words();
      if (copy.is("COPY") && words.get(0).startsWith("--from=") && words.size() == 3) {
        String workdir = workdirs.get(words.get(0).substring("--from=".length()));
        if (workdir == null) {
          throw new IllegalStateException("COPY from a stage without WORKDIR: " + copy);
        }
        String source = Path.of(workdir).relativize(Path.of(words.get(1))).toString();
        jars.put(words.get(2), source);
      }
    }
    return jars;
  }

  /** What each service module's shade plugin writes, by module name. */
  static Map<String, ShadedJar> shadedJars() {
    Map<String, ShadedJar> jars = new LinkedHashMap<>();
    for (String module : SERVICE_MODULES) {
      Element shade =
          plugin(
                  parseXml(repositoryRoot().resolve(module).resolve("pom.xml")),
                  "maven-shade-plugin")
              .orElseThrow(
                  () -> new IllegalStateException(module + "/pom.xml has no maven-shade-plugin"));
      String outputFile = onlyText(shade, "outputFile", module);
      String mainClass = onlyText(shade, "mainClass", module);
      jars.put(
          module,
          new ShadedJar(
              module,
              outputFile.replace("${project.build.directory}", module + "/target"),
              mainClass));
    }
    return jars;
  }

  private static Document parseXml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The {@code <plugin>} element of a pom whose artifactId is {@code artifactId}. */
  private static Optional<Element> plugin(Document pom, String artifactId) {
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      NodeList ids = plugin.getElementsByTagName("artifactId");
      if (ids.getLength() > 0 && ids.item(0).getTextContent().strip().equals(artifactId)) {
        return Optional.of(plugin);
      }
    }
    return Optional.empty();
  }

  private static String onlyText(Element scope, String tag, String module) {
    NodeList nodes = scope.getElementsByTagName(tag);
    if (nodes.getLength() != 1) {
      throw new IllegalStateException(
          module + "/pom.xml has " + nodes.getLength() + " <" + tag + "> elements, not one");
    }
    return ((Element) nodes.item(0)).getTextContent().strip();
  }

  /** One Dockerfile instruction: {@code COPY a b} is keyword COPY, arguments {@code a b}. */
  record Instruction(String keyword, String arguments) {
    boolean is(String name) {
      return keyword.equals(name);
    }

    /** The words of the arguments, flags such as {@code --from=build} included. */
    List<String> words() {
      return List.of(arguments.split("\\s+"));
    }

    /** The arguments of an exec-form instruction, or null for the shell form. */
    List<String> execForm() {
      if (!arguments.startsWith("[")) {
        return null;
      }
      try {
        return List.of(new ObjectMapper().readValue(arguments, String[].class));
      } catch (IOException e) {
        throw new IllegalStateException("not a JSON array: " + arguments, e);
      }
    }
  }

  /**
   * A fat jar and the class its manifest starts.
   *
   * @param path where the build writes it, relative to the repository root
   */
  record ShadedJar(String module, String path, String mainClass) {}
}
