package io.encaptio.domain.user;

import io.encaptio.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The organization's sign-in rules (one row per tenant): a second factor for every member, and the
 * organization's own identity provider for the addresses of one e-mail domain. Tenant-scoped:
 * mapped per tenant schema in META-INF/tenant-orm.xml.
 */
@Entity
@Table(name = "organization_security")
public class OrganizationSecurity {

  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

  @Id private boolean id = true;

  @Column(name = "mfa_required", nullable = false)
  private boolean mfaRequired;

  @Column(name = "sso_alias", length = 100)
  private String ssoAlias;

  @Column(name = "sso_domain", length = 253)
  private String ssoDomain;

  @Column(name = "sso_required", nullable = false)
  private boolean ssoRequired;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected OrganizationSecurity() {}

  /** No rule: passwords, no second factor required. */
  public static OrganizationSecurity none() {
    OrganizationSecurity security = new OrganizationSecurity();
    security.touch();
    return security;
  }

  public void requireMfa(boolean required) {
    this.mfaRequired = required;
    touch();
  }

  public void connectSso(String alias, String domain, boolean required) {
    this.ssoAlias = alias;
    this.ssoDomain = domain;
    this.ssoRequired = required;
    touch();
  }

  public void disconnectSso() {
    this.ssoAlias = null;
    this.ssoDomain = null;
    this.ssoRequired = false;
    touch();
  }

  /** The e-mail domain in the form the rules compare, or a refusal naming what to fix. */
  public static String validDomain(String domain) {
    String cleaned = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    if (!DOMAIN.matcher(cleaned).matches()) {
      throw new InvalidInputException(
          "domain", "'" + domain + "' is not an e-mail domain; write it as example.com.");
    }
    return cleaned;
  }

  /** Whether a sign-in with this address must have come through the organization's provider. */
  public boolean ssoRequiredFor(String email) {
    return ssoRequired
        && ssoDomain != null
        && email != null
        && email.toLowerCase(Locale.ROOT).endsWith("@" + ssoDomain);
  }

  private void touch() {
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public boolean mfaRequired() {
    return mfaRequired;
  }

  public String ssoAlias() {
    return ssoAlias;
  }

  public String ssoDomain() {
    return ssoDomain;
  }

  public boolean ssoRequired() {
    return ssoRequired;
  }
}
