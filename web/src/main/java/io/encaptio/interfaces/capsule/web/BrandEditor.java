package io.encaptio.interfaces.capsule.web;

import io.encaptio.application.CapsuleService;
import io.encaptio.application.CapsuleService.BrandDto;
import io.encaptio.application.CapsuleService.CapsuleDto;
import io.encaptio.application.CapsuleSettingsDto.BrandSettingsDto;
import io.encaptio.interfaces.web.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The Brand tab and the preview's look: logo and avatar uploads (put into the draft; visitors see
 * them once published), the colours and font the choices make, and how well text reads on the main
 * colour.
 */
@Named
@ViewScoped
public class BrandEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB CapsuleService capsules;
  @Inject CapsulePage page;
  @Inject DraftEditor draft;

  private final Map<UUID, String> images = new HashMap<>();

  public void uploadLogo(FileUploadEvent event) {
    upload("logo", event.getFile());
  }

  public void uploadAvatar(FileUploadEvent event) {
    upload("avatar", event.getFile());
  }

  private void upload(String kind, UploadedFile file) {
    draft.save(); // what else was typed stays
    if (FacesContext.getCurrentInstance().isValidationFailed()) {
      return;
    }
    try {
      CapsuleDto saved =
          capsules.uploadBrandImage(page.capsuleId(), kind, file.getFileName(), file.getContent());
      draft.show(saved);
      BrandSettingsDto brand = saved.draft().brand();
      draft.getForm().useImage(kind, "logo".equals(kind) ? brand.logo() : brand.avatar());
      PageMessages.inform(
          ("logo".equals(kind) ? "Logo" : "Avatar") + " uploaded",
          "Visitors see it once published.");
    } catch (RuntimeException e) {
      PageMessages.failed(file.getFileName() + " was not used", e);
    }
  }

  private BrandSettingsDto brand() {
    return draft.getForm().toSettings().brand();
  }

  /** The draft's brand as the preview shows it. */
  public BrandDto getPreviewBrand() {
    return brand().look();
  }

  /** The preview's theme class: light or dark (auto shows light here). */
  public String getPreviewTheme() {
    return "dark".equals(brand().theme()) ? "dark" : "light";
  }

  /** How well text reads on the chosen colour, as the Brand tab says it. */
  public String getContrastHint() {
    BrandSettingsDto brand = brand();
    if (!brand.colorWellFormed()) {
      return "Choose the main colour (#rrggbb).";
    }
    return String.format(
        Locale.ROOT,
        "Text on it reads at %.1f:1; publishing needs 4.5:1 or more.",
        brand.bestTextContrast());
  }

  public List<String> getFonts() {
    return BrandSettingsDto.FONTS;
  }

  public String getLogoImage() {
    return image(draft.getForm().getLogo());
  }

  public String getAvatarImage() {
    return image(draft.getForm().getAvatar());
  }

  /**
   * A brand image as a data: URI (at most 1 MB), or null when there is none. Assets never change,
   * so each is read once per view, not on every redraw of the preview.
   */
  private String image(UUID asset) {
    if (asset == null) {
      return null;
    }
    return images.computeIfAbsent(
        asset,
        id ->
            capsules
                .brandImage(page.capsuleId(), id)
                .map(
                    a ->
                        "data:"
                            + a.mediaType()
                            + ";base64,"
                            + Base64.getEncoder().encodeToString(a.bytes()))
                .orElse(null));
  }
}
