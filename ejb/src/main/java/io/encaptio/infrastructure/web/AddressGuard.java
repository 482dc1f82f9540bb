package io.encaptio.infrastructure.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The server-side request forgery guard: resolves host names for the HTTP client and refuses any
 * that lead to a private, local or otherwise non-public address. Sitting in the resolver means the
 * addresses checked are exactly the ones connected to, so a name that answers a public address to a
 * first lookup and a private one to the next (DNS rebinding) gains nothing. The client passes IP
 * literals through here too.
 */
final class AddressGuard implements DnsResolver {

  /** A name refused because it leads to a non-public address. */
  static final class RefusedAddressException extends UnknownHostException {

    RefusedAddressException(String host, InetAddress address) {
      super(host + " resolves to the non-public address " + address.getHostAddress());
    }
  }

  /** Ranges nothing on the public internet lives in (RFC 6890 and friends). */
  private static final List<Cidr> NON_PUBLIC =
      List.of(
          Cidr.of("0.0.0.0", 8), // "this network", including the any-local 0.0.0.0
          Cidr.of("10.0.0.0", 8),
          Cidr.of("100.64.0.0", 10), // carrier-grade NAT
          Cidr.of("169.254.0.0", 16), // link-local, including cloud metadata 169.254.169.254
          Cidr.of("172.16.0.0", 12),
          Cidr.of("192.0.0.0", 24), // IETF protocol assignments
          Cidr.of("192.168.0.0", 16),
          Cidr.of("198.18.0.0", 15), // benchmarking
          Cidr.of("224.0.0.0", 4), // multicast
          Cidr.of("240.0.0.0", 4), // reserved, including broadcast 255.255.255.255
          Cidr.of("::", 96), // any-local ::, and the deprecated IPv4-compatible ::a.b.c.d
          Cidr.of("fc00::", 7), // unique-local
          Cidr.of("fe80::", 10), // link-local
          Cidr.of("fec0::", 10), // the former site-local
          Cidr.of("ff00::", 8)); // multicast

  private static final List<Cidr> LOOPBACK = List.of(Cidr.of("127.0.0.0", 8), Cidr.of("::1", 128));

  private static final Cidr NAT64 = Cidr.of("64:ff9b::", 96);
  private static final Cidr SIX_TO_FOUR = Cidr.of("2002::", 16);

  private final boolean allowLoopback;

  /**
   * @param allowLoopback whether this machine's own addresses may be fetched: only for tests
   */
  AddressGuard(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    for (InetAddress address : addresses) {
      if (!isAllowed(address)) {
        throw new RefusedAddressException(host, address);
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }

  /** Whether a connection to this address may be opened. */
  boolean isAllowed(InetAddress address) {
    byte[] bytes = embeddedIpv4(address.getAddress());
    if (LOOPBACK.stream().anyMatch(range -> range.contains(bytes))) {
      return allowLoopback;
    }
    return NON_PUBLIC.stream().noneMatch(range -> range.contains(bytes));
  }

  /**
   * The IPv4 address inside an IPv6 one that only carries it (IPv4-mapped ::ffff:0:0/96, NAT64
   * 64:ff9b::/96, 6to4 2002::/16), so that each is judged by the address it reaches; any other
   * address unchanged.
   */
  private static byte[] embeddedIpv4(byte[] bytes) {
    if (isIpv4Mapped(bytes) || NAT64.contains(bytes)) {
      return Arrays.copyOfRange(bytes, 12, 16);
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return Arrays.copyOfRange(bytes, 2, 6);
    }
    return bytes;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** An address range: a network and the number of leading bits that name it. */
  private record Cidr(byte[] network, int bits) {

    /** From an IP literal, so no lookup happens. */
    static Cidr of(String literal, int bits) {
      try {
        return new Cidr(InetAddress.getByName(literal).getAddress(), bits);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(literal, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
