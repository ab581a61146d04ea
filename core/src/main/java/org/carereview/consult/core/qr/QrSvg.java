package org.carereview.consult.core.qr;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG drawn on the server, so what it holds (a feedback link, a second factor's secret) never goes
 * to a third party's QR service: one path of dark squares on a white square with the four-module quiet zone
 * scanners need. Medium error correction survives a folded or smudged handout.
 */
public final class QrSvg {

    private static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /**
     * The code for {@code text}, named {@code label} for screen readers; {@code pixels} wide and high on the page,
     * or as wide as its container when 0.
     */
    public static String of(String text, String label, int pixels) {
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
        String dimensions = pixels > 0 ? " width=\"" + pixels + "\" height=\"" + pixels + "\"" : "";
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\"" + dimensions
                + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + label + "\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
