package dev.sqllint.mybatis;

import dev.sqllint.source.AntPattern;
import dev.sqllint.sql.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and reads MyBatis XML mappers: the {@code .xml} files under the resource and source roots (some
 * projects keep mappers next to the Java) whose root element is {@code <mapper>}. Other XML (changelogs,
 * logback, {@code mybatis-config.xml}) is passed over without a word; a mapper that cannot be read is
 * reported and skipped.
 */
public final class MapperFiles {

    /** Enough of a file to see its root element behind a prolog, a DOCTYPE and a licence comment. */
    private static final int SNIFF_BYTES = 16 * 1024;
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private MapperFiles() {
    }

    /** The mapper files under the roots, sorted, each once; {@code excludes} are Ant patterns relative to a root. */
    public static List<Path> find(List<Path> roots, List<String> excludes, MapperProblems problems) {
        return find(roots, excludes, problems, "mapper");
    }

    /** The MyBatis configuration files ({@code <configuration>}, as {@code mybatis-config.xml}) under the roots. */
    public static List<Path> findConfigurations(List<Path> roots, List<String> excludes, MapperProblems problems) {
        return find(roots, excludes, problems, "configuration");
    }

    private static List<Path> find(List<Path> roots, List<String> excludes, MapperProblems problems, String rootElement) {
        List<AntPattern> skip = excludes == null ? List.of() : excludes.stream().map(AntPattern::compile).toList();
        TreeSet<Path> out = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            Path absRoot = root.toAbsolutePath().normalize();
            try {
                Files.walkFileTree(absRoot, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isRegularFile() || !file.getFileName().toString().toLowerCase().endsWith(".xml")) {
                            return FileVisitResult.CONTINUE;
                        }
                        String rel = absRoot.relativize(file).toString().replace('\\', '/');
                        if (skip.stream().noneMatch(p -> p.matches(rel)) && !out.contains(file) && hasRoot(file, rootElement)) {
                            out.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // the Java walk over the same roots reports unreadable folders
                    }
                });
            } catch (IOException e) {
                problems.report(MapperProblems.Kind.FILE_SKIPPED, absRoot, 0, "cannot look for MyBatis mappers: " + e.getMessage());
            }
        }
        return new ArrayList<>(out);
    }

    /** Reads one mapper; empty (reported) when it is too large or is not well-formed XML. */
    public static Optional<MapperFile> read(Path file, long maxBytes, MapperProblems problems) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.report(MapperProblems.Kind.FILE_SKIPPED, file, 0,
                        "MyBatis mapper larger than the size limit (" + size + " > " + maxBytes + " bytes)");
                return Optional.empty();
            }
            String text = decode(Files.readAllBytes(file));
            TextPositions positions = new TextPositions(text);
            XmlDocument doc = PositionedXmlParser.parse(text,
                    offset -> Origin.at(file, positions.line(offset), positions.column(offset)));
            if (!doc.root().name().equals("mapper")) return Optional.empty();
            String namespace = doc.root().attribute("namespace");
            return Optional.of(new MapperFile(file, namespace == null ? "" : namespace.strip(), doc.root(), doc.comments()));
        } catch (XmlSyntaxException e) {
            problems.report(MapperProblems.Kind.FILE_SKIPPED, file, e.line(), "MyBatis mapper not read: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            problems.report(MapperProblems.Kind.FILE_SKIPPED, file, 0,
                    "MyBatis mapper not read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Whether the file's root element (or, failing that, its DOCTYPE) is {@code mapper}. */
    static boolean isMapper(Path file) {
        return hasRoot(file, "mapper");
    }

    private static boolean hasRoot(Path file, String rootElement) {
        byte[] head = new byte[SNIFF_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return rootElement.equals(rootName(decode(java.util.Arrays.copyOf(head, n))));
    }

    /** The name of the root element as written, skipping the prolog, comments and a DOCTYPE (whose name counts too). */
    static String rootName(String text) {
        int p = 0;
        while (p < text.length()) {
            while (p < text.length() && Character.isWhitespace(text.charAt(p))) p++;
            if (text.startsWith("<?", p)) {
                int end = text.indexOf("?>", p);
                if (end < 0) return null;
                p = end + 2;
            } else if (text.startsWith("<!--", p)) {
                int end = text.indexOf("-->", p);
                if (end < 0) return null;
                p = end + 3;
            } else if (text.startsWith("<!DOCTYPE", p)) {
                return name(text, p + "<!DOCTYPE".length());
            } else if (text.startsWith("<", p)) {
                return name(text, p + 1);
            } else {
                return null;
            }
        }
        return null;
    }

    private static String name(String text, int p) {
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) p++;
        int start = p;
        while (p < text.length() && !Character.isWhitespace(text.charAt(p)) && "/>[".indexOf(text.charAt(p)) < 0) p++;
        String name = text.substring(start, p);
        return name.substring(name.indexOf(':') + 1);
    }

    /**
     * Decodes as the file says: a byte-order mark, else the XML declaration's encoding, else UTF-8; bad bytes
     * become U+FFFD rather than an error. The parser then reads this text, so its positions are ours.
     */
    static String decode(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED_ENCODING.matcher(head);
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (RuntimeException e) {
                    charset = StandardCharsets.UTF_8;
                }
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, skip, bytes.length - skip, StandardCharsets.ISO_8859_1);
        }
    }
}
