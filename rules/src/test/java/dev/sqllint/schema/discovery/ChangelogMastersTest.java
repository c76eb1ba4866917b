package dev.sqllint.schema.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.source.FileFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which XML, YAML and JSON files are master changelogs: changelogs that no other changelog includes. */
class ChangelogMastersTest {

    @TempDir
    Path dir;

    @Test
    void aChangelogIsFoundWhateverElseItsTextHoldsAndWhatItIncludesIsNotAMaster() throws IOException {
        Path master = write("db/master.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Schéma des commandes, 订单 -->
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                    <include file="orders.xml" relativeToChangelogFile="true"/>
                </databaseChangeLog>
                """);
        Path orders = write("db/orders.xml", "<databaseChangeLog><changeSet id=\"1\" author=\"é\"/></databaseChangeLog>");
        Path dashboard = write("json/dashboard.json", "{\"title\": \"Température 温度\", \"widgets\": []}");
        Path broken = dir.resolve("json/broken.json");
        Files.write(broken, new byte[] {'{', (byte) 0xC3, '"', 'x', '"', ':', (byte) 0xFF, '}'});

        assertEquals(List.of(master), ChangelogMasters.find(List.of(master, orders, dashboard, broken), FileFacts.NONE));
    }

    @Test
    void aYamlChangelogWithInvalidUtf8IsStillOne() throws IOException {
        Path yaml = dir.resolve("changelog.yaml");
        byte[] head = "# r\u00e9sum\u00e9: ".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xE2, (byte) 0x82};
        byte[] rest = "\ndatabaseChangeLog:\n  - changeSet:\n      id: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(rest, 0, all, head.length + bad.length, rest.length);
        Files.write(yaml, all);

        assertEquals(List.of(yaml), ChangelogMasters.find(List.of(yaml), FileFacts.NONE));
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
