package io.encaptio.interfaces.user.facade;

import io.encaptio.application.PeopleService;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person of the organization as integrators see them. {@code id} is the person's id in the
 * identity provider, the one the People operations take.
 */
public record PersonDto(
    String id,
    String username,
    String name,
    String email,
    String role,
    String status,
    List<String> teams,
    OffsetDateTime invitedAt,
    String invitedBy,
    OffsetDateTime lastSignInAt,
    int signIns) {

  public static PersonDto of(PeopleService.PersonDto person) {
    return new PersonDto(
        person.subject(),
        person.username(),
        person.displayName(),
        person.email(),
        person.role(),
        person.status(),
        person.teams(),
        person.invitedAt(),
        person.invitedBy(),
        person.lastSignInAt(),
        person.signInCount());
  }
}
