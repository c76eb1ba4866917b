package dev.sqllint.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The interfaces MyBatis XML mappers implement: the {@code namespace} of each {@code <mapper>} under the given roots.
 * A call of such an interface's method issues the statement of the same id, wherever the call is, though nothing in
 * the Java says so (no annotation, as with MyBatis Generator's mappers and those {@code @MapperScan} finds). Read
 * cheaply (the start of each XML file); a file that cannot be read adds nothing. Every XML file under the roots is
 * part of the result cache's key, so results that rest on these names follow the mappers' changes.
 */
public final class MapperNamespaces {

    private static final Pattern NAMESPACE = Pattern.compile("<mapper\\s[^>]*?namespace\\s*=\\s*[\"']([\\w.$]+)[\"']");
    private static final int HEAD_BYTES = 8 * 1024;

    private MapperNamespaces() {
    }

    /** The qualified names of the mapper interfaces the XML mappers under {@code roots} name. */
    public static Set<String> under(List<Path> roots) {
        Set<String> out = new HashSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".xml")).filter(Files::isRegularFile)
                        .forEach(p -> namespace(p, out));
            } catch (IOException | RuntimeException e) {
                // an unreadable folder: the mapper reader reports it
            }
        }
        return out;
    }

    /** The qualified names of the mapper interfaces the given XML files name (found by another walk). */
    public static Set<String> in(Collection<Path> xmlFiles) {
        Set<String> out = new HashSet<>();
        for (Path file : xmlFiles) namespace(file, out);
        return out;
    }

    private static void namespace(Path file, Set<String> out) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
            Matcher m = NAMESPACE.matcher(head);
            if (m.find()) out.add(m.group(1));
        } catch (IOException | RuntimeException e) {
            // unreadable: names nothing
        }
    }

    /** {@code com.acme.OrderMapper} to {@code OrderMapper}, for the pre-filter, which sees simple names only. */
    public static Set<String> simpleNames(Set<String> qualified) {
        Set<String> out = new HashSet<>();
        for (String q : qualified) out.add(q.substring(q.lastIndexOf('.') + 1));
        return out;
    }
}
