package io.encaptio.interfaces.delivery.facade;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of share links (ZXing), as PNG or SVG, optionally with a logo in the middle. With a logo
 * the code uses error correction level H (30% of it may be covered) and the logo covers at most a
 * fifth of its width on a white pad, well within what the level restores.
 */
public final class QrCodes {

  public static final int MIN_SIZE = 128;
  public static final int MAX_SIZE = 2048;
  private static final double LOGO_SHARE = 0.2;

  private QrCodes() {}

  public static byte[] png(String text, int size, byte[] logo) {
    BitMatrix matrix = matrix(text, size, logo != null);
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
    }
    BufferedImage picture = logo == null ? null : read(logo);
    if (picture != null) {
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      int box = (int) (size * LOGO_SHARE);
      int pad = Math.max(2, box / 10);
      int at = (size - box) / 2;
      g.setColor(Color.WHITE);
      g.fillRect(at - pad, at - pad, box + 2 * pad, box + 2 * pad);
      int[] fitted = fit(picture.getWidth(), picture.getHeight(), box);
      g.drawImage(
          picture,
          at + (box - fitted[0]) / 2,
          at + (box - fitted[1]) / 2,
          fitted[0],
          fitted[1],
          null);
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One path of unit squares (crisp at any size); the logo, if any, embedded as a data URL. */
  public static String svg(String text, int size, byte[] logo, String logoMediaType) {
    BitMatrix matrix = matrix(text, size, logo != null);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          int start = x;
          while (x + 1 < matrix.getWidth() && matrix.get(x + 1, y)) {
            x++;
          }
          path.append('M')
              .append(start)
              .append(' ')
              .append(y)
              .append('h')
              .append(x - start + 1)
              .append("v1h-")
              .append(x - start + 1)
              .append('z');
        }
      }
    }
    StringBuilder svg =
        new StringBuilder()
            .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(size)
            .append(' ')
            .append(size)
            .append("\" width=\"")
            .append(size)
            .append("\" height=\"")
            .append(size)
            .append("\" shape-rendering=\"crispEdges\">")
            .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
            .append("<path fill=\"#000\" d=\"")
            .append(path)
            .append("\"/>");
    if (logo != null) {
      int box = (int) (size * LOGO_SHARE);
      int pad = Math.max(2, box / 10);
      int at = (size - box) / 2;
      svg.append("<rect x=\"")
          .append(at - pad)
          .append("\" y=\"")
          .append(at - pad)
          .append("\" width=\"")
          .append(box + 2 * pad)
          .append("\" height=\"")
          .append(box + 2 * pad)
          .append("\" fill=\"#fff\"/>")
          .append("<image x=\"")
          .append(at)
          .append("\" y=\"")
          .append(at)
          .append("\" width=\"")
          .append(box)
          .append("\" height=\"")
          .append(box)
          .append("\" preserveAspectRatio=\"xMidYMid meet\" href=\"data:")
          .append(logoMediaType)
          .append(";base64,")
          .append(Base64.getEncoder().encodeToString(logo))
          .append("\"/>");
    }
    return svg.append("</svg>").toString();
  }

  private static BitMatrix matrix(String text, int size, boolean withLogo) {
    try {
      return new QRCodeWriter()
          .encode(
              text,
              BarcodeFormat.QR_CODE,
              size,
              size,
              Map.of(
                  EncodeHintType.ERROR_CORRECTION,
                  withLogo ? ErrorCorrectionLevel.H : ErrorCorrectionLevel.M,
                  EncodeHintType.MARGIN,
                  4,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "Cannot make a QR code of this link: " + e.getMessage(), e);
    }
  }

  /** The logo as an image; null when the stored bytes are not a raster image Java reads (SVG). */
  private static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return null;
    }
  }

  private static int[] fit(int width, int height, int box) {
    double scale = Math.min((double) box / width, (double) box / height);
    return new int[] {Math.max(1, (int) (width * scale)), Math.max(1, (int) (height * scale))};
  }
}
