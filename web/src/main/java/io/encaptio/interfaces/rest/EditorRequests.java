package io.encaptio.interfaces.rest;

import io.encaptio.domain.shared.InvalidInputException;
import jakarta.ws.rs.BadRequestException;
import java.util.UUID;

/**
 * The checks endpoints make of what they are sent before they call a service: a body, a capsule id
 * in a query parameter. Who may call what is the services' to decide (their declared permissions),
 * not the endpoints'.
 */
public final class EditorRequests {

  private EditorRequests() {}

  public static <T> T body(T request) {
    if (request == null) {
      throw new BadRequestException("Send a JSON body.");
    }
    return request;
  }

  /** A capsule's id as a query parameter has it; null when blank. */
  public static UUID capsuleId(String capsule) {
    if (capsule == null || capsule.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(capsule.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("capsule", "'" + capsule + "' is not a capsule id.");
    }
  }
}
