package io.encaptio.domain.capsule;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which chat models answer for a capsule: chain A (the first model, then each next one when the one
 * before times out, is rate limited or fails), and optionally chain B taking {@code
 * challengerShare} percent of new conversations, so two configurations can be compared on answer
 * rate, feedback and latency. No models: the offline extractive answer.
 */
public record ModelRouting(List<UUID> primary, List<UUID> challenger, int challengerShare)
    implements Serializable {

  public static final ModelRouting EXTRACTIVE = new ModelRouting(List.of(), List.of(), 0);
  static final int LONGEST_CHAIN = 4;

  public ModelRouting {
    primary = primary == null ? List.of() : List.copyOf(primary);
    challenger = challenger == null ? List.of() : List.copyOf(challenger);
  }

  /**
   * @throws InvalidCapsuleException naming each field to fix
   */
  public ModelRouting checked() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (primary.size() > LONGEST_CHAIN || challenger.size() > LONGEST_CHAIN) {
      problems.put("primary", "A chain has at most " + LONGEST_CHAIN + " models.");
    }
    if (challengerShare < 0 || challengerShare > 100) {
      problems.put("challengerShare", "Choose a share from 0 to 100 percent.");
    } else if (challengerShare > 0 && challenger.isEmpty()) {
      problems.put("challenger", "Choose the models of variant B, or set its share to 0.");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCapsuleException(problems);
    }
    return this;
  }

  /** Variant "a" or "b" for a conversation, given a uniform number from 0 (incl.) to 100. */
  public String variantFor(int percentile) {
    return challengerShare > 0 && !challenger.isEmpty() && percentile < challengerShare ? "b" : "a";
  }

  public List<UUID> chain(String variant) {
    return "b".equals(variant) ? challenger : primary;
  }
}
