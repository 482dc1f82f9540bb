package io.encaptio.application.internal;

import io.encaptio.application.CapsuleSettingsDto;
import io.encaptio.application.CapsuleSettingsDto.ActionDto;
import io.encaptio.application.CapsuleSettingsDto.BrandSettingsDto;
import io.encaptio.application.CapsuleSettingsDto.LeadFormDto;
import io.encaptio.domain.capsule.ActionButton;
import io.encaptio.domain.capsule.Brand;
import io.encaptio.domain.capsule.CapsuleSettings;
import io.encaptio.domain.capsule.LeadForm;

/** Capsule settings between the service API's records and the domain's value objects. */
final class SettingsAssembler {

  private SettingsAssembler() {}

  static CapsuleSettingsDto toDto(CapsuleSettings s) {
    return new CapsuleSettingsDto(
        s.persona(),
        s.tone(),
        s.instructions(),
        s.welcomeMessage(),
        s.suggestedQuestions(),
        s.answerLength(),
        s.language(),
        s.noAnswerText(),
        s.actions().stream().map(SettingsAssembler::toDto).toList(),
        toDto(s.brand()),
        toDto(s.leadForm()),
        s.redactPersonalData());
  }

  static ActionDto toDto(ActionButton button) {
    return new ActionDto(button.label(), button.url());
  }

  static BrandSettingsDto toDto(Brand b) {
    return new BrandSettingsDto(
        b.logo(), b.avatar(), b.primaryColor(), b.font(), b.theme(), b.launcherPosition());
  }

  static LeadFormDto toDto(LeadForm f) {
    return new LeadFormDto(f.enabled(), f.title(), f.fields(), f.required(), f.consent());
  }

  /** The settings an editor sent; null parts take the domain's defaults. */
  static CapsuleSettings toSettings(CapsuleSettingsDto d) {
    return new CapsuleSettings(
        d.persona(),
        d.tone(),
        d.instructions(),
        d.welcomeMessage(),
        d.suggestedQuestions(),
        d.answerLength(),
        d.language(),
        d.noAnswerText(),
        d.actions() == null
            ? null
            : d.actions().stream()
                .map(
                    a ->
                        a == null
                            ? new ActionButton(null, null)
                            : new ActionButton(a.label(), a.url()))
                .toList(),
        d.brand() == null
            ? null
            : new Brand(
                d.brand().logo(),
                d.brand().avatar(),
                d.brand().primaryColor(),
                d.brand().font(),
                d.brand().theme(),
                d.brand().launcherPosition()),
        d.leadForm() == null
            ? null
            : new LeadForm(
                d.leadForm().enabled(),
                d.leadForm().title(),
                d.leadForm().fields(),
                d.leadForm().required(),
                d.leadForm().consent()),
        d.redactPersonalData());
  }
}
