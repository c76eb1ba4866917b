package dev.sqllint.mybatis;

import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a project's {@code mybatis-config.xml} tells about its statements: the {@code <properties>} MyBatis
 * substitutes for {@code ${name}} in every mapper ({@code <property name value>} children and a {@code resource}
 * properties file, the children winning as in MyBatis), and the {@code <databaseIdProvider>} names that map the
 * database's product name to the {@code databaseId} mappers use. Several configuration files are merged in path
 * order, the first value of a name kept; one that cannot be read is reported and passed over.
 */
public record MyBatisConfig(Map<String, SqlText> properties, DatabaseIds databaseIds) {

    public MyBatisConfig {
        properties = Map.copyOf(properties);
    }

    /** This configuration and {@code more} properties for names it does not define (the configuration file wins). */
    public MyBatisConfig with(Map<String, SqlText> more) {
        if (more.isEmpty()) return this;
        Map<String, SqlText> merged = new LinkedHashMap<>(properties);
        more.forEach(merged::putIfAbsent);
        return new MyBatisConfig(merged, databaseIds);
    }

    public static MyBatisConfig none(Dialect dialect) {
        return new MyBatisConfig(Map.of(), DatabaseIds.of(dialect));
    }

    /** Reads the configuration files among {@code files} (other XML is passed over); {@code resourceRoots} hold a {@code resource}. */
    public static MyBatisConfig read(List<Path> files, List<Path> resourceRoots, Dialect dialect, long maxBytes,
                                     MapperProblems problems) {
        Map<String, SqlText> properties = new LinkedHashMap<>();
        Map<String, String> providerNames = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                if (Files.size(file) > maxBytes) continue;
                String text = MapperFiles.decode(Files.readAllBytes(file));
                if (!"configuration".equals(MapperFiles.rootName(text)) || !text.contains("mybatis")) continue;
                TextPositions positions = new TextPositions(text);
                XmlElement root = PositionedXmlParser.parse(text,
                        offset -> Origin.at(file, positions.line(offset), positions.column(offset))).root();
                for (XmlElement p : root.elements("properties")) {
                    for (XmlElement property : p.elements("property")) {
                        SqlText value = property.attributes().get("value");
                        String name = property.attribute("name");
                        if (name != null && value != null) properties.putIfAbsent(name.strip(), value);
                    }
                    String resource = p.attribute("resource");
                    if (resource != null) resourceProperties(resource.strip(), resourceRoots, file, properties, problems);
                }
                for (XmlElement provider : root.elements("databaseIdProvider")) {
                    for (XmlElement property : provider.elements("property")) {
                        String name = property.attribute("name");
                        String value = property.attribute("value");
                        if (name != null && value != null) providerNames.putIfAbsent(name.strip(), value.strip());
                    }
                }
            } catch (XmlSyntaxException | IOException | RuntimeException e) {
                problems.report(MapperProblems.Kind.FILE_SKIPPED, file, 0, "MyBatis configuration not read: " + e.getMessage());
            }
        }
        return new MyBatisConfig(properties, new DatabaseIds(dialect, providerNames));
    }

    private static void resourceProperties(String resource, List<Path> roots, Path config, Map<String, SqlText> into,
                                           MapperProblems problems) {
        for (Path root : roots) {
            Path file = root.resolve(resource).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) continue;
            try (Reader in = new StringReader(Files.readString(file))) {
                Properties p = new Properties();
                p.load(in);
                // a value from a properties file has no XML position: it is placed at the <properties> element's file
                for (String name : p.stringPropertyNames()) {
                    into.putIfAbsent(name, SqlText.of(p.getProperty(name), Origin.at(file, 1, 1)));
                }
                return;
            } catch (IOException | RuntimeException e) {
                problems.report(MapperProblems.Kind.FILE_SKIPPED, config, 0,
                        "MyBatis properties " + resource + " not read: " + e.getMessage());
                return;
            }
        }
    }
}
