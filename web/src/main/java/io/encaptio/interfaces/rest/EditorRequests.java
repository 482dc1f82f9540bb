package io.encaptio.interfaces.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * The check every endpoint that takes a body makes before it calls a service. Who may call what is
 * the services' to decide (their declared permissions), not the endpoints'.
 */
public final class EditorRequests {

  private EditorRequests() {}

  public static <T> T body(T request) {
    if (request == null) {
      throw new BadRequestException("Send a JSON body.");
    }
    return request;
  }
}
