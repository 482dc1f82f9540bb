package io.encaptio.infrastructure.web;

import io.encaptio.domain.ai.AddressPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chat-model addresses go through the same guard as fetched web pages: a host that resolves to a
 * private, local or otherwise non-public address is refused, unless operators list it in {@code
 * encaptio.llm.allowed-hosts} (a self-hosted Ollama inside the cluster) or tests allow loopback.
 */
@ApplicationScoped
public class ModelAddressPolicy implements AddressPolicy {

  @Inject
  @ConfigProperty(name = "encaptio.fetch.allow-loopback", defaultValue = "false")
  boolean allowLoopback;

  @Inject
  @ConfigProperty(name = "encaptio.llm.allowed-hosts", defaultValue = " ")
  String allowedHosts;

  @Override
  public Optional<String> refusal(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      return Optional.of("The address has no host.");
    }
    String bare = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    List<String> allowed =
        Arrays.stream(allowedHosts.split(","))
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .toList();
    if (allowed.contains(bare)) {
      return Optional.empty();
    }
    try {
      new AddressGuard(allowLoopback).resolve(bare);
      return Optional.empty();
    } catch (AddressGuard.RefusedAddressException refused) {
      return Optional.of(
          refused.getMessage()
              + ": the platform does not call into private networks. Ask your platform operator to"
              + " allow this host (encaptio.llm.allowed-hosts).");
    } catch (UnknownHostException unknown) {
      return Optional.of("The host " + bare + " can't be resolved; check the address.");
    }
  }
}
