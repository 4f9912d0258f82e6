package org.eurosec.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A user's file as text: strict UTF-8, with a leading byte-order mark (as spreadsheet programs
 * write before "CSV UTF-8") taken off. Bytes that are not UTF-8 are reported by line and offset
 * rather than replaced, so that a file saved in another encoding is named, not half read.
 */
public final class Utf8Text {

    private Utf8Text() {
    }

    /** The first byte that is not UTF-8: its 1-based line, its offset in the file and its value. */
    public record NotUtf8(int line, int offset, int value) {

        /** Says so in words, for an error message that already names the file (and the line). */
        public String message() {
            return "not UTF-8 text: byte 0x" + String.format(Locale.ROOT, "%02X", value) + " at offset " + offset
                    + " (a binary file, or text saved in another encoding?)";
        }
    }

    /** Thrown by {@link #decode} for bytes that are not UTF-8. */
    public static final class NotUtf8Exception extends Exception {
        private final transient NotUtf8 where;

        NotUtf8Exception(NotUtf8 where) {
            super(where.message(), null, false, false);
            this.where = where;
        }

        public NotUtf8 where() {
            return where;
        }
    }

    /** The bytes as text, without a leading byte-order mark. */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        return decode(bytes, bytes.length);
    }

    /** The first {@code length} bytes as text, without a leading byte-order mark. */
    public static String decode(byte[] bytes, int length) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new NotUtf8Exception(new NotUtf8(line, at, bytes[at] & 0xff));
        }
        decoder.flush(out);
        out.flip();
        return withoutBom(out.toString());
    }

    /** The text without a leading byte-order mark (U+FEFF), if it has one. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
