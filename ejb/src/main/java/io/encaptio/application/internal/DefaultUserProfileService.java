package io.encaptio.application.internal;

import io.encaptio.application.UserProfileService;
import io.encaptio.domain.user.UserProfile;
import io.encaptio.domain.user.UserProfileRepository;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

@Stateless
@Local(UserProfileService.class)
public class DefaultUserProfileService implements UserProfileService {

  private static final Logger LOG = Logger.getLogger(DefaultUserProfileService.class.getName());

  @Inject UserProfileRepository profiles;

  @Override
  public UserProfileDto recordSignIn(SignIn signIn) {
    UserProfile profile =
        profiles
            .find(signIn.subject())
            .orElseGet(
                () -> {
                  UserProfile created = UserProfile.firstSeen(signIn.subject(), signIn.username());
                  profiles.add(created);
                  LOG.info(() -> "First sign-in of " + signIn.username());
                  return created;
                });
    profile.signedIn(signIn.username(), signIn.displayName(), signIn.email());
    return toDto(profile);
  }

  @Override
  public List<UserProfileDto> profiles() {
    return profiles.all().stream().map(DefaultUserProfileService::toDto).toList();
  }

  private static UserProfileDto toDto(UserProfile p) {
    return new UserProfileDto(
        p.subject(),
        p.username(),
        p.displayName(),
        p.email(),
        p.firstSeenAt(),
        p.lastSeenAt(),
        p.signInCount());
  }
}
