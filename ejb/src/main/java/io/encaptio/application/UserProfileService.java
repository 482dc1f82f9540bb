package io.encaptio.application;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/** The current tenant's people as Encaptio knows them locally. */
public interface UserProfileService {

  /** Records a sign-in of the person in the current tenant and returns their profile. */
  UserProfileDto recordSignIn(SignIn signIn);

  List<UserProfileDto> profiles();

  /** What the identity provider says about a person signing in. */
  record SignIn(String subject, String username, String displayName, String email) {}

  /** A profile as pages and endpoints may show it. */
  record UserProfileDto(
      String subject,
      String username,
      String displayName,
      String email,
      OffsetDateTime firstSeenAt,
      OffsetDateTime lastSeenAt,
      int signInCount)
      implements Serializable {}
}
