package io.encaptio.interfaces.capsule.rest;

import io.encaptio.application.CapsuleSettingsDto;

/** Request bodies of the capsule API. */
public final class CapsuleRequests {

  private CapsuleRequests() {}

  /** A new capsule: its name and, optionally, the key of a template to start from. */
  public record NewCapsule(String name, String template) {}

  /** The whole draft as the editor left it. */
  public record Draft(String name, CapsuleSettingsDto settings) {}

  /** The version to publish again. */
  public record RollBack(Integer version) {}
}
