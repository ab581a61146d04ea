package org.carereview.consult.deepdives;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as a standalone SVG, drawn on the server: one path of dark squares on a white square with the
 * four-module quiet zone scanners need. Medium error correction survives a folded or smudged handout.
 */
final class QrSvg {

    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + QUIET_ZONE * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" "
                + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code for the feedback link\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
