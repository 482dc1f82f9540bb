package io.encaptio.domain.ai;

import java.util.Optional;

/**
 * Which addresses the platform calls on a tenant's behalf: a chat model's address must not reach
 * into the platform's own network (its database, its metadata service) unless operators allowed
 * that host.
 */
public interface AddressPolicy {

  /** Why the address may not be called, or empty when it may. */
  Optional<String> refusal(String url);
}
