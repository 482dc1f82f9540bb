package io.encaptio.domain.ai;

import java.util.regex.Pattern;

/**
 * Recognises text in the content that talks to the assistant instead of informing the visitor
 * ("ignore your instructions", "you are now …", "reveal the system prompt"). Such sentences are
 * never used as answers and are marked as untrusted when content goes to a chat model; the content
 * is data either way, but nothing that tries to steer the assistant reaches a visitor through it.
 */
public final class InjectionGuard {

  private static final Pattern STEERING =
      Pattern.compile(
          "(?is).*\\b("
              + "(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instructions?|rules|prompts?"
              + "|guidelines|directions|above|previous|prior)"
              + "|(reveal|print|show|output|repeat|leak|tell me)\\b.{0,40}\\b(system prompt"
              + "|instructions|prompt|secret|password|api key|canary|configuration)"
              + "|you are (now|no longer)\\b"
              + "|(new|updated) instructions?\\s*:"
              + "|act as (an? )?(unrestricted|jailbroken|dan|developer)"
              + "|as an ai (language )?model,? you must"
              + "|</?(system|assistant|instructions?)>"
              + ")\\b.*");

  private InjectionGuard() {}

  public static boolean steers(String text) {
    return text != null && STEERING.matcher(text).matches();
  }
}
