package io.encaptio.application.internal;

import io.encaptio.domain.shared.Mailer;
import io.encaptio.tenancy.application.OrganizationDirectory;
import io.encaptio.tenancy.application.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail that brings an invited person in: the identity provider's set-password mail when the
 * invitation made their account, a sign-in mail through the platform's SMTP server when the account
 * existed. Either way its link leads to the portal in the inviting organization.
 */
@ApplicationScoped
public class Invitations {

  @Inject OrganizationDirectory directory;
  @Inject Mailer mailer;

  @Inject
  @ConfigProperty(name = "encaptio.public.url")
  String publicUrl;

  /** How long an invitation's link works (ISO-8601, {@code PT72H}). */
  @Inject
  @ConfigProperty(name = "encaptio.invitation.lifespan", defaultValue = "PT72H")
  Duration lifespan;

  public void send(
      TenantRef tenant,
      String userId,
      String email,
      boolean setsPassword,
      String role,
      String invitedBy) {
    URI portal =
        URI.create(
            publicUrl
                + "/app/dashboard.xhtml?organization="
                + URLEncoder.encode(tenant.slug(), StandardCharsets.UTF_8));
    if (setsPassword) {
      directory.sendSetPasswordMail(userId, portal, lifespan);
    } else {
      mailer.send(
          email,
          "You are invited to " + tenant.displayName() + " on Encaptio",
          invitedBy
              + " invited you to "
              + tenant.displayName()
              + " on Encaptio as "
              + role
              + ".\n\nSign in with your existing Encaptio account:\n"
              + portal
              + "\n");
    }
  }
}
