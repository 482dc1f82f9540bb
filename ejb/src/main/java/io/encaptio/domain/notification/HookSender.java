package io.encaptio.domain.notification;

import java.util.Optional;

/** Posts notifications to Slack and Teams incoming webhooks in their own message formats. */
public interface HookSender {

  /**
   * Why the address cannot be a hook: not https, malformed, or leading into a private network (the
   * platform never posts there); empty when it can.
   */
  Optional<String> refusal(String url);

  /**
   * Posts the notification's text with a link to it in the portal.
   *
   * @return the hook's answer in short ("200 ok")
   * @throws HookFailedException when the hook did not take it, saying whether trying again can help
   */
  String post(Channel channel, String url, NotificationTexts.Text text, String link, String open);
}
