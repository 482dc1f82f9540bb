package io.encaptio.infrastructure.tika;

import io.encaptio.domain.content.ContentBlock;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.SubtitleBlocks;
import io.encaptio.domain.content.TextBlocks;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.txt.CharsetDetector;
import org.xml.sax.SAXException;

/**
 * Accepts the formats a capsule can answer from, judged by content (magic bytes) before the file
 * name, and parses them: PDF, Word, PowerPoint and Excel through Tika's PDFBox and POI parsers,
 * HTML through Tika (scripts and styles dropped), and text, Markdown, CSV and subtitles directly.
 * Every refusal names the problem and what to do.
 */
@ApplicationScoped
public class TikaContentParser implements ContentParser {

  /** Most characters of text one item may hold. */
  static final long MAX_CHARACTERS = 10_000_000;

  private static final Map<String, String> ACCEPTED =
      Map.ofEntries(
          Map.entry("application/pdf", "pdf"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "office"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "office"),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "office"),
          Map.entry("text/html", "html"),
          Map.entry("application/xhtml+xml", "html"),
          Map.entry("text/csv", "csv"),
          Map.entry("text/markdown", "text"),
          Map.entry("text/x-web-markdown", "text"),
          Map.entry("text/plain", "text"),
          Map.entry("text/vtt", "subtitles"),
          Map.entry("application/x-subrip", "subtitles"));

  private final TikaConfig tika = TikaConfig.getDefaultConfig();
  private final Detector detector = tika.getDetector();

  @Override
  public String acceptedMediaType(byte[] bytes, String fileName) {
    if (bytes.length == 0) {
      throw new ContentRejectedException("The file is empty; upload one that has content.");
    }
    String type = detect(bytes, fileName);
    if (!ACCEPTED.containsKey(type)) {
      throw new ContentRejectedException(
          "Files of type "
              + extension(fileName)
              + " ("
              + type
              + ") are not accepted. Upload PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx),"
              + " CSV, HTML, Markdown, text or subtitle (.vtt, .srt) files.");
    }
    return type;
  }

  private String detect(byte[] bytes, String fileName) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = TikaInputStream.get(bytes)) {
      MediaType type = detector.detect(in, metadata);
      return tika.getMediaTypeRegistry().normalize(type).getBaseType().toString();
    } catch (IOException e) {
      throw new ContentRejectedException("The file could not be read: " + e.getMessage(), e);
    }
  }

  private static String extension(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    return dot < 0 ? "without an extension" : fileName.substring(dot).toLowerCase(Locale.ROOT);
  }

  @Override
  public List<ContentBlock> parse(byte[] bytes, String fileName, String mediaType) {
    return switch (ACCEPTED.getOrDefault(mediaType, "other")) {
      case "text" -> TextBlocks.of(null, decode(bytes));
      case "subtitles" -> SubtitleBlocks.of(decode(bytes));
      case "csv" -> CsvBlocks.of(decode(bytes));
      case "other" ->
          throw new ContentRejectedException("Files of type " + mediaType + " are not accepted.");
      default -> parseWithTika(bytes, mediaType);
    };
  }

  private List<ContentBlock> parseWithTika(byte[] bytes, String mediaType) {
    if (ZipBombGuard.isZip(bytes)) {
      ZipBombGuard.check(bytes);
    }
    BlockHandler handler = new BlockHandler(MAX_CHARACTERS);
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (InputStream in = TikaInputStream.get(bytes)) {
      new AutoDetectParser(tika).parse(in, handler, metadata, new ParseContext());
      return handler.blocks();
    } catch (EncryptedDocumentException e) {
      throw new ContentRejectedException(
          "The file is password-protected; upload a copy without a password.", e);
    } catch (TikaException | SAXException | IOException | RuntimeException e) {
      throw explain(e, mediaType);
    }
  }

  private static ContentRejectedException explain(Exception e, String mediaType) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
      if (cause instanceof BlockHandler.TooMuchText) {
        return new ContentRejectedException(
            "The file holds more than "
                + MAX_CHARACTERS
                + " characters of text; split it into smaller files.",
            e);
      }
      if (cause instanceof EncryptedDocumentException || message.contains("password")) {
        return new ContentRejectedException(
            "The file is password-protected; upload a copy without a password.", e);
      }
      if (message.contains("zip bomb") || message.contains("compression ratio")) {
        return new ContentRejectedException(
            "The file expands to far more than its size (a decompression bomb) and was not opened.",
            e);
      }
    }
    return new ContentRejectedException(
        "The file could not be read as "
            + mediaType
            + "; it may be damaged. Open it, save it again and upload the copy.",
        e);
  }

  /** Text in whatever encoding it came in (UTF-8, Latin-1, UTF-16 with a mark...). */
  private static String decode(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    try {
      return detector.detect().getString();
    } catch (IOException | RuntimeException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
