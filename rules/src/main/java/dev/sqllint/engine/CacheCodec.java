package dev.sqllint.engine;

import dev.sqllint.derived.DerivedQueries;
import dev.sqllint.extract.SourceKind;
import dev.sqllint.extract.UnresolvedSite;
import dev.sqllint.rules.Severity;
import dev.sqllint.source.FileStamp;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes and reads what {@link ResultCache} keeps, field by field: a plain binary format we own, so no
 * serialization framework (and none of its risks) is involved, and a format change is one version number.
 */
final class CacheCodec {

    private CacheCodec() {
    }

    /** What follows a cache file's header. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** One entry of a cache file of entries by path (after its path). */
    interface EntryReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    interface EntryWriter<T> {
        void write(DataOutputStream out, T entry) throws IOException;
    }

    /**
     * The entries by path a cache file of this sqllint build holds ({@link #writeEntries}); empty when there is no
     * file ({@code file} null or absent), or it is another kind, format or build, or it cannot be read: the cache
     * is rebuilt from the sources.
     */
    static <T> Map<String, T> readEntries(Path file, String magic, int format, EntryReader<T> entry) {
        return readEntries(file, magic, format, entry, in -> { });
    }

    /** What a cache file holds after its entries ({@link #writeEntries} with a trailer). */
    interface Trailer {
        void read(DataInputStream in) throws IOException;
    }

    /** As {@link #readEntries(Path, String, int, EntryReader)}, then what follows the entries; all or nothing. */
    static <T> Map<String, T> readEntries(Path file, String magic, int format, EntryReader<T> entry, Trailer trailer) {
        if (file == null || !Files.isRegularFile(file)) return Map.of();
        try (DataInputStream in = openFile(file, magic, format, RunKey.engine())) {
            if (in == null) return Map.of();
            Map<String, T> out = new java.util.HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String path = readString(in);
                out.put(path, entry.read(in));
            }
            trailer.read(in);
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Writes entries by path, in path order, for this sqllint build (see {@link #writeFile}). */
    static <T> void writeEntries(Path file, String magic, int format, Map<String, T> entries, EntryWriter<T> entry)
            throws IOException {
        writeEntries(file, magic, format, entries, entry, out -> { });
    }

    /** As {@link #writeEntries(Path, String, int, Map, EntryWriter)}, then {@code trailer}. */
    static <T> void writeEntries(Path file, String magic, int format, Map<String, T> entries, EntryWriter<T> entry,
                                 Body trailer) throws IOException {
        writeFile(file, magic, format, RunKey.engine(), out -> {
            out.writeInt(entries.size());
            for (Map.Entry<String, T> e : new TreeMap<>(entries).entrySet()) {
                writeString(out, e.getKey());
                entry.write(out, e.getValue());
            }
            trailer.write(out);
        });
    }

    static void writeStamp(DataOutputStream out, FileStamp stamp) throws IOException {
        out.writeLong(stamp.size());
        out.writeLong(stamp.modifiedNanos());
        out.writeLong(stamp.changedNanos());
        out.writeLong(stamp.inode());
    }

    static FileStamp readStamp(DataInputStream in) throws IOException {
        return new FileStamp(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    /**
     * Writes a cache file: a header (what file it is, its format, what it is valid for), then the body, into a
     * temporary file moved into place, so a reader never sees half a file.
     */
    static void writeFile(Path file, String magic, int format, String key, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            writeString(out, magic);
            out.writeInt(format);
            writeString(out, key);
            body.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A cache file positioned after its header, for the caller to read and close; null when the header names
     * another kind of file, format or key (then the stream is closed here).
     */
    static DataInputStream openFile(Path file, String magic, int format, String key) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            if (header(in, magic, format, key) != null) return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        in.close();
        return null;
    }

    /** {@code in} past its header, or null when the header names another kind of file, format or key. */
    static DataInputStream header(DataInputStream in, String magic, int format, String key) throws IOException {
        return magic.equals(readString(in)) && in.readInt() == format && key.equals(readString(in)) ? in : null;
    }

    static void writeOutcome(DataOutputStream out, FileOutcome o) throws IOException {
        out.writeInt(o.sites());
        out.writeInt(o.parsed());
        out.writeInt(o.notParsed());
        out.writeInt(o.findings().size());
        for (Finding f : o.findings()) writeFinding(out, f);
        writeCounts(out, o.sources());
        writeDiagnostics(out, o.diagnostics());
        out.writeInt(o.derived().read().size());
        for (String r : o.derived().read()) writeString(out, r);
        out.writeInt(o.derived().skipped().size());
        for (Map.Entry<String, String> e : o.derived().skipped().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        writeStrings(out, o.undeclaredTables());
    }

    static FileOutcome readOutcome(DataInputStream in) throws IOException {
        int sites = in.readInt();
        int parsed = in.readInt();
        int notParsed = in.readInt();
        List<Finding> findings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) findings.add(readFinding(in));
        SourceCounts counts = readCounts(in);
        List<Diagnostic> diagnostics = readDiagnostics(in);
        TreeSet<String> read = new TreeSet<>();
        for (int i = in.readInt(); i > 0; i--) read.add(readString(in));
        Map<String, String> skipped = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) skipped.put(readString(in), readString(in));
        return new FileOutcome(sites, parsed, notParsed, List.copyOf(findings), counts, diagnostics,
                new DerivedQueries.Tally(read, skipped), readStrings(in));
    }

    private static void writeFinding(DataOutputStream out, Finding f) throws IOException {
        writeString(out, f.rule());
        writeString(out, f.severity().name());
        writeString(out, f.file().toString());
        out.writeInt(f.line());
        out.writeInt(f.column());
        writeString(out, f.message());
        writeString(out, f.api());
        writeString(out, f.owner());
        writeString(out, f.sql());
        out.writeBoolean(f.proved());
        writeString(out, f.suppressedBy());
    }

    private static Finding readFinding(DataInputStream in) throws IOException {
        return new Finding(readString(in), Severity.valueOf(readString(in)), Path.of(readString(in)), in.readInt(),
                in.readInt(), readString(in), readString(in), readString(in), readString(in), in.readBoolean(),
                readString(in));
    }

    private static void writeCounts(DataOutputStream out, SourceCounts c) throws IOException {
        out.writeInt(c.perKind().size());
        for (Map.Entry<SourceKind, SourceCounts.Count> e : c.perKind().entrySet()) {
            writeString(out, e.getKey().label());
            out.writeInt(e.getKey().order());
            out.writeInt(e.getValue().sites());
            out.writeInt(e.getValue().variants());
            out.writeInt(e.getValue().parsed());
        }
        out.writeInt(c.unresolved().size());
        for (UnresolvedSite u : c.unresolved()) {
            writeString(out, u.file().toString());
            out.writeInt(u.line());
            out.writeInt(u.column());
            writeString(out, u.api());
            writeString(out, u.reason());
            writeString(out, u.detail());
        }
    }

    private static SourceCounts readCounts(DataInputStream in) throws IOException {
        Map<SourceKind, SourceCounts.Count> kinds = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            kinds.put(new SourceKind(readString(in), in.readInt()),
                    new SourceCounts.Count(in.readInt(), in.readInt(), in.readInt()));
        }
        List<UnresolvedSite> unresolved = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            unresolved.add(new UnresolvedSite(Path.of(readString(in)), in.readInt(), in.readInt(), readString(in),
                    readString(in), readString(in)));
        }
        return new SourceCounts(Map.copyOf(kinds), List.copyOf(unresolved));
    }

    static void writeDiagnostics(DataOutputStream out, List<Diagnostic> diagnostics) throws IOException {
        out.writeInt(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            writeString(out, d.kind().name());
            writeString(out, d.file().toString());
            out.writeInt(d.line());
            out.writeInt(d.column());
            writeString(out, d.reason());
        }
    }

    static List<Diagnostic> readDiagnostics(DataInputStream in) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            out.add(new Diagnostic(Diagnostic.Kind.valueOf(readString(in)), Path.of(readString(in)), in.readInt(),
                    in.readInt(), readString(in)));
        }
        return List.copyOf(out);
    }

    static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) writeString(out, s);
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) out.add(readString(in));
        return List.copyOf(out);
    }

    /** Any length (writeUTF stops at 64 KiB, and a statement can be longer); null as length -1. */
    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        if (length > 64 * 1024 * 1024) throw new IOException("corrupt cache: a string of " + length + " bytes");
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) throw new IOException("corrupt cache: truncated");
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
