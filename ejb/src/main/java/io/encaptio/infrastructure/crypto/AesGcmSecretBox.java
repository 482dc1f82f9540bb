package io.encaptio.infrastructure.crypto;

import io.encaptio.domain.ai.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM under the platform's secrets key ({@code encaptio.secrets.key}, 32 bytes in Base64;
 * ENCAPTIO_SECRETS_KEY, a Kubernetes secret in production). Each value gets a random 96-bit nonce;
 * the stored form is "v1:" + Base64(nonce + ciphertext + tag), so a later key version can be told
 * apart.
 */
@ApplicationScoped
public class AesGcmSecretBox implements SecretBox {

  private static final String VERSION = "v1:";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "encaptio.secrets.key")
  Optional<String> configuredKey;

  @Override
  public String seal(String secret) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return VERSION
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealing a secret failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String open(String sealed) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new IllegalStateException("Not a sealed secret of this platform.");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, 12));
      return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A stored API key can't be opened with the current secrets key (was the key changed?);"
              + " enter the API key again.",
          e);
    }
  }

  private SecretKeySpec key() {
    String base64 =
        configuredKey
            .filter(k -> !k.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No secrets key is configured: set ENCAPTIO_SECRETS_KEY to 32 random bytes"
                            + " in Base64 (openssl rand -base64 32) before storing API keys."));
    byte[] key = Base64.getDecoder().decode(base64.strip());
    if (key.length != 32) {
      throw new IllegalStateException(
          "ENCAPTIO_SECRETS_KEY must be 32 bytes in Base64; it has " + key.length + " bytes.");
    }
    return new SecretKeySpec(key, "AES");
  }
}
