package io.encaptio.interfaces.user.facade;

import io.encaptio.application.UserProfileService.UserProfileDto;
import java.time.OffsetDateTime;

/** A person of the tenant as integrators see them (Keycloak's subject is not exposed). */
public record PersonDto(
    String username,
    String name,
    String email,
    OffsetDateTime firstSeenAt,
    OffsetDateTime lastSeenAt,
    int signIns) {

  public static PersonDto of(UserProfileDto profile) {
    return new PersonDto(
        profile.username(),
        profile.displayName(),
        profile.email(),
        profile.firstSeenAt(),
        profile.lastSeenAt(),
        profile.signInCount());
  }
}
