package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's classes form layers: each reaches only classes below it, read from the references in
 * their compiled constant pools (nested classes count as their outer class).
 */
class EngineLayersTest {

  private static final String PACKAGE = "io/factorfleet/engine/";
  private static final Pattern REFERENCE =
      Pattern.compile(Pattern.quote(PACKAGE) + "([A-Za-z0-9_]+)");

  @Test
  void shouldHaveNoCycleBetweenEngineClasses() throws Exception {
    Map<String, Set<String>> references = engineReferences();

    assertThat(references).containsKeys("Factorizer", "Primality", "Ecm64", "UnsignedMath");
    assertThat(findCycle(references)).as("a cycle between engine classes").isEmpty();
  }

  @Test
  void shouldKeepUnsignedMathOnTheBottomFloor() throws Exception {
    assertThat(engineReferences().get("UnsignedMath")).isEmpty();
  }

  @Test
  void shouldKeepTheTestsOfPrimalityApartFromEachOther() throws Exception {
    Map<String, Set<String>> references = engineReferences();

    assertThat(references.get("MillerRabin")).doesNotContain("StrongLucas", "Primality");
    assertThat(references.get("StrongLucas")).doesNotContain("MillerRabin", "Primality");
  }

  /** For every engine class, the other engine classes its bytecode names. */
  private static Map<String, Set<String>> engineReferences()
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(Factorizer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(PACKAGE);
    Map<String, Set<String>> references = new TreeMap<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file :
          (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = outerName(file.getFileName().toString().replace(".class", ""));
        Set<String> named = references.computeIfAbsent(name, k -> new TreeSet<>());
        for (String text : constantPoolTexts(file)) {
          Matcher m = REFERENCE.matcher(text);
          while (m.find()) {
            named.add(outerName(m.group(1)));
          }
        }
        named.remove(name);
      }
    }
    return references;
  }

  private static String outerName(String className) {
    int dollar = className.indexOf('$');
    return dollar < 0 ? className : className.substring(0, dollar);
  }

  /** The UTF-8 entries of a class file's constant pool: class names and type descriptors. */
  private static List<String> constantPoolTexts(Path classFile) throws IOException {
    List<String> texts = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(classFile);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      int count = in.readUnsignedShort();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> texts.add(in.readUTF());
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> {
            in.skipBytes(8);
            i++; // a long or double takes two entries
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
        }
      }
    }
    return texts;
  }

  /** A cycle as the list of classes along it, or an empty list when the graph has none. */
  private static List<String> findCycle(Map<String, Set<String>> references) {
    Set<String> done = new TreeSet<>();
    for (String start : references.keySet()) {
      Deque<String> path = new ArrayDeque<>();
      List<String> cycle = depthFirst(start, references, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> depthFirst(
      String node, Map<String, Set<String>> references, Deque<String> path, Set<String> done) {
    if (path.contains(node)) {
      List<String> cycle = new ArrayList<>();
      for (String on : (Iterable<String>) path::descendingIterator) {
        if (!cycle.isEmpty() || on.equals(node)) {
          cycle.add(on);
        }
      }
      cycle.add(node);
      return cycle;
    }
    if (!done.add(node)) {
      return List.of();
    }
    path.push(node);
    for (String next : references.getOrDefault(node, Set.of())) {
      List<String> cycle = depthFirst(next, references, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.pop();
    return List.of();
  }
}
