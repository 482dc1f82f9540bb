package io.encaptio.tenancy.infrastructure.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encaptio.tenancy.domain.InvalidTenantException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolingTest {

  @TempDir Path dir;

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void tablesAndTheManifestAreSpooledOtherEntriesSkipped() throws IOException {
    byte[] archive =
        zip(
            Map.of(
                "manifest.json", "{\"format\":1}".getBytes(StandardCharsets.UTF_8),
                "capsule.csv", "id\n1\n".getBytes(StandardCharsets.UTF_8),
                "../../etc/passwd", "x".getBytes(StandardCharsets.UTF_8)));
    Map<String, Path> entries =
        CopyTenantArchives.spooled(new ByteArrayInputStream(archive), dir, 1_000);
    assertThat(entries).containsOnlyKeys("manifest.json", "capsule.csv");
    assertThat(Files.readString(entries.get("capsule.csv"))).isEqualTo("id\n1\n");
    assertThat(entries.values()).allMatch(path -> path.getParent().equals(dir));
  }

  @Test
  void anArchiveThatUnpacksToMoreThanTheLimitIsRefused() throws IOException {
    // 8 MB of zeros compress to a few kilobytes: the size that counts is the unpacked one
    byte[] archive = zip(Map.of("chunk.csv", new byte[8 * 1024 * 1024]));
    assertThat(archive.length).isLessThan(64 * 1024);
    assertThatThrownBy(
            () -> CopyTenantArchives.spooled(new ByteArrayInputStream(archive), dir, 1024 * 1024))
        .isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("unpacks to more than 1048576 bytes");
  }

  @Test
  void anEntryThatIsNotATableCountsAgainstTheLimitToo() throws IOException {
    byte[] archive = zip(Map.of("padding.bin", new byte[8 * 1024 * 1024]));
    assertThatThrownBy(
            () -> CopyTenantArchives.spooled(new ByteArrayInputStream(archive), dir, 1024 * 1024))
        .isInstanceOf(InvalidTenantException.class)
        .hasMessageContaining("unpacks to more than");
  }
}
