package io.factorfleet.broker;

import com.rabbitmq.client.Address;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the broker is: one AMQP URI, or several separated by commas for the nodes of a cluster
 * (credentials and virtual host are taken from the first).
 *
 * @param uris the URIs as given, at least one
 */
public record BrokerSettings(List<URI> uris) {
  public static final String DEFAULT_URI = "amqp://guest:guest@localhost:5672/%2F";

  public BrokerSettings {
    uris = List.copyOf(uris);
    if (uris.isEmpty()) {
      throw new IllegalArgumentException("at least one AMQP URI is needed");
    }
  }

  /**
   * Parses {@code amqp://user:pass@host:port/vhost[,amqp://host2:port2/vhost,...]}.
   *
   * @throws IllegalArgumentException naming the bad URI (without its password)
   */
  public static BrokerSettings parse(String text) {
    List<URI> uris = new ArrayList<>();
    for (String part : text.split(",")) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(trimmed);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid AMQP URI: " + maskPassword(trimmed));
      }
      String scheme = uri.getScheme();
      if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException(
            "AMQP URI must start with amqp:// or amqps://: " + maskPassword(trimmed));
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("AMQP URI has no host: " + maskPassword(trimmed));
      }
      uris.add(uri);
    }
    return new BrokerSettings(uris);
  }

  /** The URI every connection takes its credentials, virtual host and TLS choice from. */
  public URI primary() {
    return uris.get(0);
  }

  /** All nodes, for the client to try in turn when connecting and recovering. */
  public List<Address> addresses() {
    List<Address> addresses = new ArrayList<>(uris.size());
    for (URI uri : uris) {
      boolean tls = "amqps".equalsIgnoreCase(uri.getScheme());
      int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 5671 : 5672);
      addresses.add(new Address(uri.getHost(), port));
    }
    return addresses;
  }

  /** The URIs as a user may safely see them: passwords removed. */
  public String display() {
    return String.join(",", uris.stream().map(u -> maskPassword(u.toString())).toList());
  }

  static String maskPassword(String uri) {
    int scheme = uri.indexOf("://");
    int at = uri.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return uri;
    }
    int colon = uri.indexOf(':', scheme + 3);
    if (colon < 0 || colon > at) {
      return uri;
    }
    return uri.substring(0, colon) + uri.substring(at);
  }

  @Override
  public String toString() {
    return display();
  }
}
