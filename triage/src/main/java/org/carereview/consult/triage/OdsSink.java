package org.carereview.consult.triage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal OpenDocument spreadsheet written as a stream: the {@code mimetype} entry first and uncompressed
 * (as the format requires), the manifest, then {@code content.xml} row by row, so memory stays constant.
 * Every cell is a string cell (never a formula), and neutralised as in CSV all the same.
 */
final class OdsSink {

    static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
             <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="%s"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """.formatted(MIMETYPE);

    private final ZipOutputStream zip;
    private final Writer xml;

    OdsSink(OutputStream stream) throws IOException {
        this.zip = new ZipOutputStream(stream, StandardCharsets.UTF_8);
        byte[] mimetype = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry first = new ZipEntry("mimetype");
        first.setMethod(ZipEntry.STORED);
        first.setSize(mimetype.length);
        first.setCompressedSize(mimetype.length);
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        first.setCrc(crc.getValue());
        zip.putNextEntry(first);
        zip.write(mimetype);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
        zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("content.xml"));
        xml = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:spreadsheet><table:table table:name=\"Submissions\">");
    }

    void header(String[] columns) throws IOException {
        row(columns);
    }

    void row(String[] cells) throws IOException {
        xml.write("<table:table-row>");
        for (String cell : cells) {
            if (cell == null || cell.isEmpty()) {
                xml.write("<table:table-cell/>");
                continue;
            }
            xml.write("<table:table-cell office:value-type=\"string\">");
            for (String line : Cells.xmlSafe(Cells.neutralise(cell)).split("\r\n|\r|\n", -1)) {
                xml.write("<text:p>");
                escape(line);
                xml.write("</text:p>");
            }
            xml.write("</table:table-cell>");
        }
        xml.write("</table:table-row>");
    }

    void finish() throws IOException {
        xml.write("</table:table></office:spreadsheet></office:body></office:document-content>");
        xml.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.write("&lt;");
                case '>' -> xml.write("&gt;");
                case '&' -> xml.write("&amp;");
                case '"' -> xml.write("&quot;");
                case '\t' -> xml.write("<text:tab/>");
                default -> xml.write(c);
            }
        }
    }
}
