package io.encaptio.application;

import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.access.Permission;
import io.encaptio.application.access.Requires;
import java.io.Serializable;

/**
 * A first capsule in one step: named, from a template, with the welcome message and persona the
 * editor chose, and its first content (pasted text, a web address, or both), all in one
 * transaction: a refusal anywhere leaves nothing behind.
 */
public interface CapsuleWizard {

  /**
   * @throws io.encaptio.domain.capsule.InvalidCapsuleException naming each field to fix (name,
   *     welcomeMessage, title, text, url, ...); nothing is created then
   */
  @Requires(Permission.CREATE_CAPSULES)
  CapsuleDto create(FirstCapsule request);

  /** What the wizard collected; content fields left blank are skipped. */
  record FirstCapsule(
      String name,
      String template,
      String welcomeMessage,
      String persona,
      String contentTitle,
      String contentText,
      String url)
      implements Serializable {}
}
