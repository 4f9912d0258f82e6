package org.eurosec.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far apart two colours look, to normal vision and to the three common dichromacies: the
 * colours simulated with Machado, Oliveira and Fernandes (2009) at full severity (their published
 * matrices, applied to linear sRGB), then compared by CIEDE2000 in CIELAB (D65). Used by the page's
 * tests to check that opposite categories keep their colours far apart for every reader.
 */
final class ColourVision {

    enum Vision {
        NORMAL(null),
        PROTAN(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}),
        DEUTAN(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}),
        TRITAN(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

        final double[][] matrix;

        Vision(double[][] matrix) {
            this.matrix = matrix;
        }
    }

    private ColourVision() {
    }

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*[\\d.]+\\s*)?\\)");

    /** A CSS colour as "#rrggbb" or "rgb(r, g, b)", as sRGB in 0..1. */
    static double[] srgb(String css) {
        Matcher h = HEX.matcher(css.trim());
        if (h.matches()) {
            return new double[] {Integer.parseInt(h.group(1), 16) / 255.0, Integer.parseInt(h.group(2), 16) / 255.0,
                Integer.parseInt(h.group(3), 16) / 255.0};
        }
        Matcher r = RGB.matcher(css.trim().toLowerCase(Locale.ROOT));
        if (r.matches()) {
            return new double[] {Integer.parseInt(r.group(1)) / 255.0, Integer.parseInt(r.group(2)) / 255.0, Integer.parseInt(r.group(3)) / 255.0};
        }
        throw new IllegalArgumentException("not a colour: " + css);
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The colour as seen with the given vision, in linear sRGB. */
    static double[] seen(String css, Vision v) {
        double[] s = srgb(css);
        double[] lin = {linear(s[0]), linear(s[1]), linear(s[2])};
        if (v.matrix == null) {
            return lin;
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double x = v.matrix[i][0] * lin[0] + v.matrix[i][1] * lin[1] + v.matrix[i][2] * lin[2];
            out[i] = Math.min(1, Math.max(0, x));
        }
        return out;
    }

    /** Linear sRGB to CIELAB under D65. */
    static double[] lab(double[] lin) {
        double x = 0.4124564 * lin[0] + 0.3575761 * lin[1] + 0.1804375 * lin[2];
        double y = 0.2126729 * lin[0] + 0.7151522 * lin[1] + 0.0721750 * lin[2];
        double z = 0.0193339 * lin[0] + 0.1191920 * lin[1] + 0.9503041 * lin[2];
        double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1). */
    static double deltaE2000(double[] a, double[] b) {
        double c1 = Math.hypot(a[1], a[2]), c2 = Math.hypot(b[1], b[2]);
        double cMean7 = Math.pow((c1 + c2) / 2, 7);
        double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + Math.pow(25, 7))));
        double a1 = (1 + g) * a[1], a2 = (1 + g) * b[1];
        double c1p = Math.hypot(a1, a[2]), c2p = Math.hypot(a2, b[2]);
        double h1p = hue(a[2], a1), h2p = hue(b[2], a2);
        double dL = b[0] - a[0], dC = c2p - c1p;
        double dh = 0;
        if (c1p * c2p != 0) {
            dh = h2p - h1p;
            if (dh > 180) {
                dh -= 360;
            } else if (dh < -180) {
                dh += 360;
            }
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lMean = (a[0] + b[0]) / 2, cpMean = (c1p + c2p) / 2;
        double hMean;
        if (c1p * c2p == 0) {
            hMean = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hMean = (h1p + h2p) / 2;
        } else {
            hMean = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hMean - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hMean))
                + 0.32 * Math.cos(Math.toRadians(3 * hMean + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hMean - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
        double cp7 = Math.pow(cpMean, 7);
        double rc = 2 * Math.sqrt(cp7 / (cp7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }

    private static double hue(double b, double a) {
        if (a == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    /** How far apart two CSS colours look with the given vision (CIEDE2000). */
    static double distance(String css1, String css2, Vision v) {
        return deltaE2000(lab(seen(css1, v)), lab(seen(css2, v)));
    }
}
