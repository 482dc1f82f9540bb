package io.encaptio.tenancy.application;

import java.io.Serializable;

/** A person of an organization as the identity provider knows them. */
public record OrganizationMember(
    String id, String username, String email, String firstName, String lastName, boolean enabled)
    implements Serializable {

  public String displayName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? username : name;
  }
}
