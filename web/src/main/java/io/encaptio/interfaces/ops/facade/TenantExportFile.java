package io.encaptio.interfaces.ops.facade;

import io.encaptio.application.TenantAdministration;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tenant's export written to a temporary file before it is sent: the heap never holds the
 * archive, a failure is answered as a problem before any byte of the download, and the download
 * knows its length. The file is deleted once it has been read.
 */
public final class TenantExportFile {

  private final Path file;

  private TenantExportFile(Path file) {
    this.file = file;
  }

  /** Exports the tenant to a new temporary file (removed again when the export fails). */
  public static TenantExportFile of(TenantAdministration administration, String slug) {
    Path file;
    try {
      file = Files.createTempFile("encaptio-export-", ".zip");
    } catch (IOException e) {
      throw new UncheckedIOException("No temporary file for the export: " + e.getMessage(), e);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      administration.export(slug, out);
      return new TenantExportFile(file);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the export's own failure is what the caller needs to know
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(
          "The export could not be written: " + e.getMessage(), (IOException) e);
    }
  }

  public long size() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The archive's bytes; closing the stream deletes the file. */
  public InputStream open() {
    try {
      return new FilterInputStream(Files.newInputStream(file)) {
        @Override
        public void close() throws IOException {
          try {
            super.close();
          } finally {
            Files.deleteIfExists(file);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
