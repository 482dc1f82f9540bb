package it.encaptio.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.encaptio.ItEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The address an action is audited (and rate-limited) under: the client named in X-Forwarded-For
 * when the peer is a trusted proxy, the peer itself otherwise. The test command trusts 127.0.0.1
 * alone (ENCAPTIO_TRUSTED_PROXIES), so a connection from 127.0.0.2, another address of this
 * machine's loopback, is a peer the server does not trust.
 */
class ClientAddressIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String token;

  @BeforeAll
  static void signIn() {
    ItEnvironment.awaitDemoTenants();
    token = ItEnvironment.accessToken("alice.acme", "openid organization");
  }

  @Test
  void aTrustedProxysForwardedClientIsTheAddress() throws Exception {
    String name = "Forwarded " + UUID.randomUUID();
    assertThat(createCapsule(name, "127.0.0.1", "203.0.113.7")).isEqualTo(201);
    assertThat(auditedAddress(name)).isEqualTo("203.0.113.7");
  }

  @Test
  void anUntrustedPeersForwardedHeaderIsIgnored() throws Exception {
    String name = "Spoofed " + UUID.randomUUID();
    assertThat(createCapsule(name, "127.0.0.2", "198.51.100.9")).isEqualTo(201);
    assertThat(auditedAddress(name))
        .as("the peer, not the address it claims to forward")
        .isEqualTo("127.0.0.2");
  }

  /** Creates a capsule as alice over a connection from {@code from}; answers the status code. */
  private static int createCapsule(String name, String from, String forwardedFor) throws Exception {
    URI base = URI.create(ItEnvironment.baseUrl());
    byte[] body =
        ("{\"name\":\"" + name + "\",\"template\":\"blank\"}").getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/capsules HTTP/1.1\r\n"
                  + "Host: localhost:"
                  + base.getPort()
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\nX-Forwarded-For: "
                  + forwardedFor
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      // "HTTP/1.1 201 Created"
      return Integer.parseInt(text.substring(9, 12));
    }
  }

  /** The address of the audit entry that names the capsule {@code name}. */
  private static String auditedAddress(String name) throws Exception {
    JsonNode entries =
        JSON.readTree(
                ItEnvironment.send(
                        java.net.http.HttpRequest.newBuilder(
                                URI.create(
                                    ItEnvironment.baseUrl()
                                        + "/api/v1/audit?max=50&from="
                                        + LocalDate.now(ZoneOffset.UTC)))
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .body())
            .get("entries");
    for (JsonNode entry : entries) {
      if (entry.get("action").asText().equals("capsule.created")
          && entry.toString().contains(name)) {
        return entry.get("address").asText();
      }
    }
    throw new AssertionError("no capsule.created entry names " + name + ": " + entries);
  }
}
