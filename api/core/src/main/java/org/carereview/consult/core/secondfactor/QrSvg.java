package org.carereview.consult.core.secondfactor;

import io.nayuki.qrcodegen.QrCode;

/**
 * The set-up QR code as an inline SVG drawn on the server (the secret never goes to a third party's QR service),
 * one path of dark squares on white with the four-module quiet zone scanners need, as the deep-dive handouts do.
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
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"200\" "
                + "height=\"200\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code to scan with your "
                + "authenticator app\"><rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#ffffff\"/>"
                + "<path fill=\"#000000\" d=\"" + path + "\"/></svg>";
    }
}
