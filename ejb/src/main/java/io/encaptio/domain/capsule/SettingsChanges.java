package io.encaptio.domain.capsule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which parts of a capsule differ between two versions, in words an editor recognises. */
public final class SettingsChanges {

  private SettingsChanges() {}

  public static List<String> between(CapsuleVersion before, CapsuleVersion after) {
    if (before == null) {
      return List.of("first version");
    }
    CapsuleSettings a = before.settings();
    CapsuleSettings b = after.settings();
    List<String> changes = new ArrayList<>();
    add(changes, "name", before.name(), after.name());
    add(changes, "persona", a.persona(), b.persona());
    add(changes, "tone", a.tone(), b.tone());
    add(changes, "instructions", a.instructions(), b.instructions());
    add(changes, "welcome message", a.welcomeMessage(), b.welcomeMessage());
    add(changes, "suggested questions", a.suggestedQuestions(), b.suggestedQuestions());
    add(changes, "answer length", a.answerLength(), b.answerLength());
    add(changes, "language", a.language(), b.language());
    add(changes, "no-answer text", a.noAnswerText(), b.noAnswerText());
    add(changes, "action buttons", a.actions(), b.actions());
    add(changes, "lead form", a.leadForm(), b.leadForm());
    add(changes, "brand", a.brand(), b.brand());
    return changes.isEmpty() ? List.of("no changes") : changes;
  }

  private static void add(List<String> changes, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(what);
    }
  }
}
