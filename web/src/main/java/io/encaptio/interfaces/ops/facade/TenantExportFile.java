package io.encaptio.interfaces.ops.facade;

import io.encaptio.application.TenantAdministration;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's export written to a temporary file before it is sent: the heap never holds the
 * archive, a failure is answered as a problem before any byte of the download, and the download
 * knows its length. The file is unlinked as soon as it is written and read through the descriptor
 * kept open: no export is left on disk, whether the download is read, aborted or never asked for (a
 * HEAD request); the descriptor closes when the download ends, or when it is collected.
 */
public final class TenantExportFile {

  private static final Logger LOG = Logger.getLogger(TenantExportFile.class.getName());

  private final InputStream data;
  private final long size;

  private TenantExportFile(InputStream data, long size) {
    this.data = data;
    this.size = size;
  }

  /** Exports the tenant to a new temporary file (removed again when the export fails). */
  public static TenantExportFile of(TenantAdministration administration, String slug) {
    Path file;
    try {
      file = Files.createTempFile("encaptio-export-", ".zip");
    } catch (IOException e) {
      throw new UncheckedIOException("No temporary file for the export: " + e.getMessage(), e);
    }
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        administration.export(slug, out);
      }
      long size = Files.size(file);
      // FileInputStream's descriptor is closed by its cleaner if the stream is never closed
      return new TenantExportFile(new FileInputStream(file.toFile()), size);
    } catch (IOException e) {
      throw new UncheckedIOException("The export could not be written: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Temporary export file left: " + file, e);
      }
    }
  }

  public long size() {
    return size;
  }

  /** The archive's bytes, to be read once. */
  public InputStream open() {
    return data;
  }
}
