package io.encaptio.infrastructure.tika;

import io.encaptio.domain.content.ContentRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks into a ZIP package (the Office formats are ZIPs) before any parser does: an entry that
 * inflates to more than {@value #MAX_RATIO} times its compressed size beyond the first megabyte, a
 * package that inflates to more than {@value #MAX_TOTAL_MB} MB, or more than {@value #MAX_ENTRIES}
 * entries is a decompression bomb and is refused. Inflating stops as soon as a limit is passed, so
 * checking a bomb costs little.
 */
final class ZipBombGuard {

  static final int MAX_RATIO = 100;
  static final int MAX_TOTAL_MB = 256;
  static final int MAX_ENTRIES = 10_000;
  private static final long GRACE = 1L << 20;

  private ZipBombGuard() {}

  static void check(byte[] zip) {
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw bomb("it holds more than " + MAX_ENTRIES + " parts");
        }
        long inflated = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          inflated += read;
          total += read;
          if (total > MAX_TOTAL_MB * (1L << 20)) {
            throw bomb("it expands to more than " + MAX_TOTAL_MB + " MB");
          }
          long compressed = Math.max(1, compressedSoFar(entry, zip.length));
          if (inflated > GRACE && inflated / compressed > MAX_RATIO) {
            throw bomb("a part expands more than " + MAX_RATIO + " times");
          }
        }
      }
    } catch (IOException e) {
      throw new ContentRejectedException(
          "The file is not a readable package; it may be damaged. Open it, save it again and"
              + " upload the copy.",
          e);
    }
  }

  /** The entry's compressed size when the package says it, else the whole file's size. */
  private static long compressedSoFar(ZipEntry entry, long fileSize) {
    long size = entry.getCompressedSize();
    return size > 0 ? size : fileSize;
  }

  private static ContentRejectedException bomb(String why) {
    return new ContentRejectedException(
        "The file expands to far more than its size (a decompression bomb: "
            + why
            + ") and was not opened.");
  }

  /** Whether the bytes start like a ZIP package. */
  static boolean isZip(byte[] bytes) {
    return bytes.length >= 4
        && bytes[0] == 'P'
        && bytes[1] == 'K'
        && bytes[2] == 3
        && bytes[3] == 4;
  }
}
