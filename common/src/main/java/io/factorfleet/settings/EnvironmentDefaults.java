package io.factorfleet.settings;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every long option a default from the environment, by one rule: {@code --amqp-uri} is read
 * from {@code FLEET_AMQP_URI}. The environment is passed in, so tests run commands in-process with
 * an environment of their own.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
  public static final String PREFIX = "FLEET_";

  private final Map<String, String> environment;

  public EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The environment variable that sets a long option: {@code --max-digits} → {@code
   * FLEET_MAX_DIGITS}.
   */
  public static String variableFor(String longOption) {
    String bare = longOption.replaceFirst("^-+", "");
    return PREFIX + bare.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String longest = option.longestName();
    if (!longest.startsWith("--") || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String value = environment.get(variableFor(longest));
    return value == null || value.isEmpty() ? null : value;
  }
}
