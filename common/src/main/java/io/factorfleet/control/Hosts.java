package io.factorfleet.control;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this host, as jobs and cancels name where they come from. */
public final class Hosts {
  private Hosts() {}

  private static final class Local {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException | SecurityException e) {
        return "unknown-host";
      }
    }
  }

  /** This host's name, looked up once. */
  public static String local() {
    return Local.NAME;
  }
}
