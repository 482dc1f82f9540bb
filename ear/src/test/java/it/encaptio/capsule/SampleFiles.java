package it.encaptio.capsule;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Files of every accepted format, written by the formats' own libraries, with known phrases. */
final class SampleFiles {

  private SampleFiles() {}

  /** A PDF with one phrase per page. */
  static byte[] pdf(String... pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      for (String text : pages) {
        addPage(document, text);
      }
      return save(document, null);
    }
  }

  /** A one-page PDF that opens only with the password "secret". */
  static byte[] encryptedPdf(String text) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addPage(document, text);
      return save(document, "secret");
    }
  }

  private static void addPage(PDDocument document, String text) throws IOException {
    PDPage page = new PDPage();
    document.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.newLineAtOffset(72, 700);
      content.showText(text);
      content.endText();
    }
  }

  private static byte[] save(PDDocument document, String userPassword) throws IOException {
    if (userPassword != null) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy(
              "owner-" + userPassword, userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** A Word document: a heading, a paragraph under it, and a table. */
  static byte[] docx(String heading, String paragraph, String cellA, String cellB)
      throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      CTStyle headingStyle = CTStyle.Factory.newInstance();
      headingStyle.setStyleId("Heading1");
      headingStyle.setType(STStyleType.PARAGRAPH);
      headingStyle.addNewName().setVal("heading 1");
      document.createStyles().addStyle(new XWPFStyle(headingStyle));
      XWPFParagraph title = document.createParagraph();
      title.setStyle("Heading1");
      title.createRun().setText(heading);
      document.createParagraph().createRun().setText(paragraph);
      XWPFTable table = document.createTable(1, 2);
      table.getRow(0).getCell(0).setText(cellA);
      table.getRow(0).getCell(1).setText(cellB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  /** A slide deck with one text per slide. */
  static byte[] pptx(String... slides) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow()) {
      for (String text : slides) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new java.awt.Rectangle(50, 50, 600, 100));
        box.setText(text);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      show.write(out);
      return out.toByteArray();
    }
  }

  /** A workbook with a header row and data rows. */
  static byte[] xlsx(String[] header, String[]... rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("Prices");
      write(sheet, 0, header);
      for (int r = 0; r < rows.length; r++) {
        write(sheet, r + 1, rows[r]);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void write(XSSFSheet sheet, int index, String[] values) {
    var row = sheet.createRow(index);
    for (int c = 0; c < values.length; c++) {
      row.createCell(c).setCellValue(values[c]);
    }
  }

  /**
   * A .docx that is a decompression bomb: a valid-looking package whose document part inflates from
   * a few hundred kilobytes to hundreds of megabytes.
   */
  /** A small picture, written by ImageIO. */
  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0x336699);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static byte[] zipBombDocx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      zip.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
              .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 300; i++) {
        zip.write(spaces);
      }
      zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
