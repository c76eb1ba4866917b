package dev.sqllint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;

/**
 * Reads a source file as text, refusing what is not source: files over the size limit and binary files
 * (a NUL byte in the first 8 KiB). Undecodable bytes become U+FFFD rather than an error, and a leading
 * byte-order mark is dropped, so line and column numbers stay right.
 */
public final class JavaSourceReader {

    /** The text and a digest of its bytes, or the reason it was not read. */
    public record Read(String text, String skipped, String digest) {
        Read(String text, String skipped) {
            this(text, skipped, null);
        }
    }

    private final Charset charset;
    private final long maxBytes;

    public JavaSourceReader(Charset charset, long maxBytes) {
        this.charset = charset;
        this.maxBytes = maxBytes;
    }

    public Read read(SourceFile file) {
        Bytes b = readBytes(file);
        return b.bytes() == null ? new Read(null, b.skipped()) : new Read(decode(b.bytes()), null, b.digest());
    }

    /** The file's bytes and their digest, or the reason it is not read (size, binary content, I/O). */
    public record Bytes(byte[] bytes, String digest, String skipped) {
    }

    /** Whether a file of {@code size} bytes is read at all. */
    public boolean withinLimit(long size) {
        return size <= maxBytes;
    }

    public Bytes readBytes(SourceFile file) {
        try {
            long size = Files.size(file.path());
            if (size > maxBytes) {
                return new Bytes(null, null, "larger than the size limit (" + size + " > " + maxBytes + " bytes)");
            }
            byte[] bytes = Files.readAllBytes(file.path());
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) return new Bytes(null, null, "binary content, not Java source");
            }
            return new Bytes(bytes, Digests.of(bytes), null);
        } catch (IOException e) {
            return new Bytes(null, null, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** The text of bytes read by {@link #readBytes}: undecodable bytes become U+FFFD, a byte-order mark is dropped. */
    public String decode(byte[] bytes) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder does not throw", e);
        }
    }
}
