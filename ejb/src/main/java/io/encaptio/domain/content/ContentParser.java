package io.encaptio.domain.content;

import java.util.List;

/** Turns an uploaded file into structural blocks in reading order. */
public interface ContentParser {

  /**
   * The media type of the bytes, judged by their content first and the name second.
   *
   * @throws ContentRejectedException when files of this type are not accepted, naming the type
   */
  String acceptedMediaType(byte[] bytes, String fileName);

  /**
   * @throws ContentRejectedException with what to do, for content that cannot be read as it is
   *     (encrypted, corrupt, a decompression bomb, nothing to read)
   */
  List<ContentBlock> parse(byte[] bytes, String fileName, String mediaType);
}
