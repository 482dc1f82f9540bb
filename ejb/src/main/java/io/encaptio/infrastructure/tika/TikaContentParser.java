package io.encaptio.infrastructure.tika;

import io.encaptio.domain.content.ContentBlock;
import io.encaptio.domain.content.ContentParser;
import io.encaptio.domain.content.ContentRejectedException;
import io.encaptio.domain.content.SubtitleBlocks;
import io.encaptio.domain.content.TextBlocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.txt.CharsetDetector;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xml.sax.ContentHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Accepts the formats a capsule can answer from, judged by content (magic bytes) before the file
 * name, and parses them: PDF, Word, PowerPoint and Excel through Tika's PDFBox and POI parsers,
 * HTML through Tika (scripts and styles dropped), images by the description they carry (their
 * caption comes from the editor), and text, Markdown, CSV and subtitles directly. Tika's parses run
 * under a time limit. Every refusal names the problem and what to do.
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
          Map.entry("application/x-subrip", "subtitles"),
          Map.entry("image/png", "image"),
          Map.entry("image/jpeg", "image"),
          Map.entry("image/gif", "image"),
          Map.entry("image/webp", "image"));

  /** Where pictures keep a description of themselves (XMP, IPTC, EXIF), most specific first. */
  private static final List<String> IMAGE_TEXT =
      List.of(
          "Iptc4xmpCore:AltTextAccessibility",
          "Iptc4xmpCore:ExtDescrAccessibility",
          TikaCoreProperties.DESCRIPTION.getName(),
          "Caption/Abstract",
          "Image Description",
          TikaCoreProperties.TITLE.getName(),
          "Headline");

  private final TikaConfig tika = TikaConfig.getDefaultConfig();

  /** Threads that parse (so a parse can be timed out); the server's managed executor. */
  @Resource(lookup = "concurrent/encaptioExecutor")
  ExecutorService parsing;

  @Inject
  @ConfigProperty(name = "encaptio.parse.timeout.seconds", defaultValue = "120")
  long parseSeconds;

  /**
   * Parses running at once. A timed-out parse cannot be stopped (PDFBox and POI ignore interrupts)
   * and keeps its slot until it ends, so runaway parses can never take more than these threads.
   */
  private final Semaphore slots = new Semaphore(2);

  private void acquireSlot() {
    try {
      if (!slots.tryAcquire(parseSeconds, TimeUnit.SECONDS)) {
        // a retryable failure: the job queue tries again later
        throw new IllegalStateException(
            "Every parse slot is busy with files that take too long; trying again later.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to read a file", e);
    }
  }

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
              + " CSV, HTML, Markdown, text, subtitle (.vtt, .srt) or image (.png, .jpg, .gif,"
              + " .webp) files.");
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
      case "image" -> imageBlocks(bytes, mediaType);
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
    tikaParse(bytes, mediaType, handler);
    return handler.blocks();
  }

  /**
   * What a picture says about itself: its alt text, description, caption or title from XMP, IPTC or
   * EXIF. There is no OCR here; the editor's caption (kept with the item) comes first anyway.
   */
  private List<ContentBlock> imageBlocks(byte[] bytes, String mediaType) {
    Metadata metadata = tikaParse(bytes, mediaType, new DefaultHandler());
    return IMAGE_TEXT.stream()
        .flatMap(key -> Arrays.stream(metadata.getValues(key)))
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .distinct()
        .map(text -> ContentBlock.body(text, null))
        .toList();
  }

  /**
   * Tika's parse within the time limit: a file that takes longer (a pathological PDF, say) is
   * refused rather than holding a worker.
   */
  private Metadata tikaParse(byte[] bytes, String mediaType, ContentHandler handler) {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    acquireSlot();
    Future<?> parse;
    try {
      parse =
          parsing.submit(
              () -> {
                try (InputStream in = TikaInputStream.get(bytes)) {
                  new AutoDetectParser(tika).parse(in, handler, metadata, new ParseContext());
                } finally {
                  slots.release(); // only when the parse really ends, even after a timeout
                }
                return null;
              });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      parse.get(parseSeconds, TimeUnit.SECONDS);
      return metadata;
    } catch (TimeoutException e) {
      parse.cancel(true);
      throw new ContentRejectedException(
          "Reading the file took longer than "
              + parseSeconds
              + " seconds, so it was stopped. Split it into smaller files or save it again in a"
              + " simpler form.",
          e);
    } catch (InterruptedException e) {
      parse.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading a file", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EncryptedDocumentException) {
        throw new ContentRejectedException(
            "The file is password-protected; upload a copy without a password.", e.getCause());
      }
      if (e.getCause() instanceof ContentRejectedException rejected) {
        throw rejected;
      }
      throw explain(e.getCause() instanceof Exception cause ? cause : e, mediaType);
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
