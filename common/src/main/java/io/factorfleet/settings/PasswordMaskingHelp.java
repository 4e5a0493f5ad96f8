package io.factorfleet.settings;

import io.factorfleet.broker.UriPasswords;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help whose option descriptions show URIs with their passwords masked. An option's default comes
 * from the environment ({@link EnvironmentDefaults}), so {@code --help} would otherwise print the
 * credentials of {@code FLEET_AMQP_URI}. Descriptions are masked before they are wrapped into
 * columns, where a long URI could be split across lines out of a mask's reach.
 */
final class PasswordMaskingHelp implements IHelpFactory {
  @Override
  public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
    return new Help(commandSpec, colorScheme) {
      @Override
      public IOptionRenderer createDefaultOptionRenderer() {
        IOptionRenderer renderer = super.createDefaultOptionRenderer();
        return (option, paramLabelRenderer, scheme) ->
            masked(renderer.render(option, paramLabelRenderer, scheme), scheme);
      }
    };
  }

  private static Text[][] masked(Text[][] rows, ColorScheme scheme) {
    for (Text[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (row[i] == null) {
          continue;
        }
        String plain = row[i].plainString();
        String masked = UriPasswords.mask(plain);
        if (!masked.equals(plain)) {
          row[i] = scheme.ansi().new Text(masked, scheme);
        }
      }
    }
    return rows;
  }
}
