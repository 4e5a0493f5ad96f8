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

  /** The user the RabbitMQ client logs in as when a URI names none. */
  public static final String DEFAULT_USER = "guest";

  public BrokerSettings {
    uris = List.copyOf(uris);
    if (uris.isEmpty()) {
      throw new IllegalArgumentException("at least one AMQP URI is needed");
    }
  }

  /**
   * Parses {@code amqp://user:pass@host:port/vhost[,amqp://host2:port2/vhost,...]}.
   *
   * @throws IllegalArgumentException naming the bad URI (its password masked)
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
        throw new IllegalArgumentException("not a valid AMQP URI: " + UriPasswords.mask(trimmed));
      }
      String scheme = uri.getScheme();
      if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException(
            "AMQP URI must start with amqp:// or amqps://: " + UriPasswords.mask(trimmed));
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("AMQP URI has no host: " + UriPasswords.mask(trimmed));
      }
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null && userInfo.indexOf(':') != userInfo.lastIndexOf(':')) {
        // the client would refuse it with the user information, password included, in its message
        throw new IllegalArgumentException(
            "AMQP URI has more than one ':' before its host; write a ':' of the password as %3A: "
                + UriPasswords.mask(trimmed));
      }
      uris.add(uri);
    }
    return new BrokerSettings(uris);
  }

  /**
   * The same nodes with {@code password} in place of each URI's password; the user stays the URI's,
   * or is the client's default, guest, when the URI names none.
   */
  public BrokerSettings withPassword(String password) {
    String encoded = PercentEncoding.encode(password);
    List<URI> replaced = new ArrayList<>(uris.size());
    for (URI uri : uris) {
      String userInfo = uri.getRawUserInfo();
      String user = userInfo == null ? DEFAULT_USER : userInfo.split(":", 2)[0];
      String authority = uri.getRawAuthority();
      String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
      replaced.add(
          URI.create(
              uri.getScheme()
                  + "://"
                  + user
                  + ":"
                  + encoded
                  + "@"
                  + hostAndPort
                  + (uri.getRawPath() == null ? "" : uri.getRawPath())
                  + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                  + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment())));
    }
    return new BrokerSettings(replaced);
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

  /** The URIs as a user may safely see them: passwords masked. */
  public String display() {
    return String.join(",", uris.stream().map(u -> UriPasswords.mask(u.toString())).toList());
  }

  @Override
  public String toString() {
    return display();
  }
}
