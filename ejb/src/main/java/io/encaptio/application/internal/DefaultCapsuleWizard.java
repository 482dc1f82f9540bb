package io.encaptio.application.internal;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleSettingsDto;
import io.encaptio.application.CapsuleWizard;
import io.encaptio.application.ContentService;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;

/** One transaction around the capsule and content services' own steps (they join it). */
@Stateless
@Local(CapsuleWizard.class)
public class DefaultCapsuleWizard implements CapsuleWizard {

  @EJB CapsuleService capsules;
  @EJB ContentService content;

  @Override
  public CapsuleDto create(FirstCapsule request) {
    CapsuleDto capsule = capsules.create(request.name(), request.template());
    CapsuleSettingsDto template = capsule.draft();
    CapsuleSettingsDto settings =
        new CapsuleSettingsDto(
            blank(request.persona()) ? template.persona() : request.persona().strip(),
            template.tone(),
            template.instructions(),
            blank(request.welcomeMessage())
                ? template.welcomeMessage()
                : request.welcomeMessage().strip(),
            template.suggestedQuestions(),
            template.answerLength(),
            template.language(),
            template.noAnswerText(),
            template.actions(),
            template.brand(),
            template.leadForm(),
            template.redactPersonalData());
    capsule = capsules.saveDraft(capsule.id(), capsule.name(), settings);
    if (!blank(request.contentText()) || !blank(request.contentTitle())) {
      content.addText(capsule.id(), request.contentTitle(), request.contentText());
    }
    if (!blank(request.url())) {
      content.addUrl(capsule.id(), request.url(), 0, 1, null);
    }
    return capsules.capsule(capsule.id());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
